package dev.autogen.migration;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A risk {@code autogen lint} reports that this migration takes knowingly: the rule, and why it is fine
 * here ({@code @AcceptedRisk(rule = "create-index-blocks-writes", reason = "the table holds 40 rows")}).
 * A reason is required.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(AcceptedRisk.List.class)
public @interface AcceptedRisk {

    /** The lint rule, as {@code lint} names it. */
    String rule();

    /** Why the risk is acceptable for this migration. */
    String reason();

    /** Holds several accepted risks. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @interface List {
        AcceptedRisk[] value();
    }
}
