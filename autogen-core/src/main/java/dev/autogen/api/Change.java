package dev.autogen.api;

import java.util.Objects;

/**
 * One difference between the database and the entities, or one step of a migration, in words.
 *
 * @param description what it does, on one line ({@code add column public.owner.email character varying(160)})
 * @param dataLoss what data it destroys or may destroy, or {@code null} when none
 * @param risk what it risks on a table with rows and traffic (the lock it takes, what it does under it),
 *     or {@code null} when nothing worth saying
 */
public record Change(String description, String dataLoss, String risk) {

    public Change {
        Objects.requireNonNull(description, "description");
    }

    public Change(String description, String dataLoss) {
        this(description, dataLoss, null);
    }

    public boolean losesData() {
        return dataLoss != null;
    }

    /** The description, followed by the data loss and the risk in brackets when there are any. */
    @Override
    public String toString() {
        return description
                + (dataLoss == null ? "" : "  [data loss: " + dataLoss + "]")
                + (risk == null ? "" : "  [risk: " + risk + "]");
    }
}
