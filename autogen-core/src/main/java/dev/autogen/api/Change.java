package dev.autogen.api;

import java.util.Objects;

/**
 * One difference between the database and the entities, or one step of a migration, in words.
 *
 * @param description what it does, on one line ({@code add column public.owner.email character varying(160)})
 * @param dataLoss what data it destroys or may destroy, or {@code null} when none
 */
public record Change(String description, String dataLoss) {

    public Change {
        Objects.requireNonNull(description, "description");
    }

    public boolean losesData() {
        return dataLoss != null;
    }

    /** The description, followed by the data loss in brackets when there is any. */
    @Override
    public String toString() {
        return dataLoss == null ? description : description + "  [data loss: " + dataLoss + "]";
    }
}
