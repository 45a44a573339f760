package dev.autogen.spring;

import dev.autogen.api.Naming;
import jakarta.persistence.EntityManagerFactory;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Runs autogen's migrations on the application's DataSource at start-up, before JPA, as Spring Boot does
 * for Flyway. {@code autogen.enabled=false} turns it off.
 */
@AutoConfiguration(
        afterName = {
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration"
        },
        beforeName = {
            "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
            "org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration"
        })
@ConditionalOnBean(DataSource.class)
@ConditionalOnProperty(prefix = "autogen", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(AutogenProperties.class)
public class AutogenAutoConfiguration {

    static final String BEAN = "autogenMigration";

    /** The physical and implicit naming Spring Boot gives Hibernate unless told otherwise. */
    private static final String SPRING_PHYSICAL = "spring.jpa.hibernate.naming.physical-strategy";

    private static final String SPRING_IMPLICIT = "spring.jpa.hibernate.naming.implicit-strategy";

    @Bean(name = BEAN)
    public AutogenMigration autogenMigration(
            DataSource dataSource,
            AutogenProperties properties,
            ConfigurableListableBeanFactory beanFactory,
            Environment environment) {
        List<String> packages =
                AutoConfigurationPackages.has(beanFactory) ? AutoConfigurationPackages.get(beanFactory) : List.of();
        return new AutogenMigration(
                dataSource, properties, beanFactory.getBeanClassLoader(), packages, naming(environment));
    }

    /** The naming the application's Hibernate uses: Spring Boot's, or the strategies its settings name. */
    static Naming naming(Environment environment) {
        String physical = environment.getProperty(SPRING_PHYSICAL, Naming.SPRING.physicalStrategy());
        String implicit = environment.getProperty(SPRING_IMPLICIT, Naming.SPRING.implicitStrategy());
        return new Naming(physical, implicit);
    }

    /** JPA starts after the migrations: every entity manager factory depends on them. */
    @Bean
    public static BeanFactoryPostProcessor autogenBeforeJpa() {
        return beanFactory -> {
            // The factory beans that build them are matched by what they build.
            String[] factories = beanFactory.getBeanNamesForType(EntityManagerFactory.class, true, false);
            for (String name : factories) {
                BeanDefinition definition = beanFactory.getBeanDefinition(name);
                List<String> dependsOn = new ArrayList<>();
                if (definition.getDependsOn() != null) {
                    dependsOn.addAll(List.of(definition.getDependsOn()));
                }
                if (!dependsOn.contains(BEAN)) {
                    dependsOn.add(BEAN);
                }
                definition.setDependsOn(dependsOn.toArray(String[]::new));
            }
        };
    }
}
