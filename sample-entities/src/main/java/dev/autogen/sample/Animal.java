package dev.autogen.sample;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import java.time.LocalDate;

/** Every animal has a row here; what only dogs or cats have lives in their own tables. */
@Entity
@Inheritance(strategy = InheritanceType.JOINED)
public abstract class Animal {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "animal_ids")
    @SequenceGenerator(name = "animal_ids", sequenceName = "animal_id_seq", allocationSize = 20, initialValue = 1000)
    private Long id;

    @Column(nullable = false, length = 80)
    private String name;

    private LocalDate birthDate;

    @Enumerated(EnumType.STRING)
    @Column(length = 8)
    private Sex sex;

    @ManyToOne(optional = false)
    private Owner owner;
}
