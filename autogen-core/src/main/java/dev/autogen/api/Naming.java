package dev.autogen.api;

import java.util.Objects;

/**
 * Which naming strategies Hibernate applies: class names of a physical and an implicit naming strategy.
 *
 * @see #parse(String)
 */
public record Naming(String physicalStrategy, String implicitStrategy) {

    /** Hibernate's own defaults: names as written, JPA-compliant implicit names. */
    public static final Naming HIBERNATE = new Naming(
            "org.hibernate.boot.model.naming.PhysicalNamingStrategyStandardImpl",
            "org.hibernate.boot.model.naming.ImplicitNamingStrategyJpaCompliantImpl");

    /** What a Spring Boot application gets: snake-case physical names and Spring's join-table names. */
    public static final Naming SPRING = new Naming(
            "org.hibernate.boot.model.naming.PhysicalNamingStrategySnakeCaseImpl",
            "dev.autogen.internal.entities.SpringImplicitNamingStrategy");

    public Naming {
        Objects.requireNonNull(physicalStrategy, "physicalStrategy");
        Objects.requireNonNull(implicitStrategy, "implicitStrategy");
    }

    /**
     * {@code hibernate} (the default when blank), {@code spring}, or two class names separated by a comma:
     * the physical naming strategy, then the implicit one.
     */
    public static Naming parse(String text) {
        if (text == null || text.isBlank() || text.strip().equals("hibernate")) {
            return HIBERNATE;
        }
        if (text.strip().equals("spring")) {
            return SPRING;
        }
        String[] parts = text.split(",");
        if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
            throw new IllegalArgumentException(
                    "naming '" + text
                            + "' is not 'hibernate', 'spring', or a physical and an implicit strategy class separated by a comma");
        }
        return new Naming(parts[0].strip(), parts[1].strip());
    }
}
