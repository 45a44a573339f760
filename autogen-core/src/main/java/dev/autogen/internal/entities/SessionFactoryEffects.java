package dev.autogen.internal.entities;

import jakarta.validation.spi.ValidationProvider;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.beanvalidation.BeanValidationIntegrator;
import org.hibernate.cache.internal.CollectionCacheInvalidator;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.integrator.spi.IntegratorService;
import org.hibernate.mapping.Collection;
import org.hibernate.mapping.Component;
import org.hibernate.mapping.IdentifierCollection;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Property;
import org.hibernate.mapping.Value;
import org.hibernate.service.ServiceRegistry;

/**
 * Whether building the SessionFactory can change the model the schema is read from. While it is built,
 * only integrators and the generators of generated values touch the mapping (Bean Validation makes
 * columns NOT NULL, a creation timestamp makes its column NOT NULL): with neither there is nothing for it
 * to change, and the model is read from the metadata in half the time.
 */
final class SessionFactoryEffects {

    /** Hibernate's own integrators that leave the mapping alone. */
    private static final Set<Class<?>> INERT = Set.of(CollectionCacheInvalidator.class);

    private SessionFactoryEffects() {}

    static boolean changeTheModel(Metadata metadata, ServiceRegistry registry, ClassLoader entities) {
        for (Integrator integrator :
                registry.requireService(IntegratorService.class).getIntegrators()) {
            if (integrator instanceof BeanValidationIntegrator) {
                if (validationProvider(entities)) {
                    return true;
                }
            } else if (!INERT.contains(integrator.getClass())) {
                return true;
            }
        }
        for (PersistentClass entity : metadata.getEntityBindings()) {
            if (entity.getVersion() != null && generated(entity.getVersion())) {
                return true;
            }
            for (Property property : entity.getProperties()) {
                if (generated(property)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** As Bean Validation finds its provider for the running application: through the context class loader. */
    private static boolean validationProvider(ClassLoader entities) {
        try {
            return ServiceLoader.load(ValidationProvider.class, entities)
                    .findFirst()
                    .isPresent();
        } catch (ServiceConfigurationError unloadable) {
            // A provider is named but cannot be had: Hibernate's own integrator decides what that means.
            return true;
        }
    }

    private static boolean generated(Property property) {
        return property.getValueGeneratorCreator() != null || generated(property.getValue());
    }

    private static boolean generated(Value value) {
        if (value instanceof Component component) {
            return component.getProperties().stream().anyMatch(SessionFactoryEffects::generated);
        }
        if (value instanceof IdentifierCollection) {
            return true;
        }
        if (value instanceof Collection collection) {
            return generated(collection.getElement());
        }
        return false;
    }
}
