package dev.autogen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.api.RevisionRequest;
import dev.autogen.testing.EntityChange;
import dev.autogen.testing.TestDatabase;
import dev.autogen.testing.TestProjects;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Comment text with an apostrophe, which Hibernate writes into its own DDL unescaped (its own schema
 * creation fails on it): autogen creates it, compares it when the table changes, and keeps it as written.
 */
@Tag("database")
class CommentTextTest {

    @TempDir
    Path work;

    private static final String V1 =
            "@Entity @Comment(\"Owner's pets\") public class Pet { @Id Long id; @Comment(\"The pet's name\") String name; }";
    private static final String V2 = "@Entity @Comment(\"Owner's pets\") public class Pet { @Id Long id;"
            + " @Comment(\"The pet's name\") String name; @Comment(\"It's 'quoted'\") String chip; }";

    @Test
    void anApostropheInACommentIsCreatedComparedAndKept() {
        Path v1 = EntityChange.compile(work.resolve("v1"), Map.of("Pet.java", V1));
        Path v2 = EntityChange.compile(work.resolve("v2"), Map.of("Pet.java", V2));
        try (TestDatabase db = TestDatabase.create()) {
            Autogen one = TestProjects.autogen(work, db, EntityChange.source(v1));
            assertThat(one.revision(RevisionRequest.autogenerate("pets")).written())
                    .isPresent();
            one.upgrade("head");
            assertThat(one.check()).isEmpty();

            Autogen two = TestProjects.autogen(work, db, EntityChange.source(v2));
            assertThat(two.check()).extracting(change -> change.description()).hasSize(1);
            assertThat(two.revision(RevisionRequest.autogenerate("chips")).written())
                    .isPresent();
            two.upgrade("head");
            assertThat(two.check()).isEmpty();
            assertThat(db.query("select obj_description('pet'::regclass, 'pg_class'),"
                            + " col_description('pet'::regclass, 3)"))
                    .containsExactly("Owner's pets|It's 'quoted'");
        }
    }
}
