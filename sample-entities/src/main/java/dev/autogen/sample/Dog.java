package dev.autogen.sample;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.PrimaryKeyJoinColumn;

@Entity
@PrimaryKeyJoinColumn(name = "animal_id")
public class Dog extends Animal {

    @Column(length = 60)
    private String breed;

    private boolean vaccinatedAgainstRabies;
}
