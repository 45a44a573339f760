package dev.autogen.migration;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Where a migration sits in the revision graph. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Revision {

    /** This revision's id. */
    String id();

    /** The revisions it follows: none for a first revision, two or more for a merge. */
    String[] revises() default {};

    /** What the change is for, as given to {@code revision -m}. */
    String message();

    /** When it was generated, as an ISO-8601 instant. */
    String created();

    String[] branchLabels() default {};

    String[] dependsOn() default {};

    /**
     * The revisions this one squashes, from the first to the last of a range: a database none of them
     * touched runs this one in their place (and records the last of them); one inside the range runs them.
     */
    String[] replaces() default {};
}
