package dev.autogen.sample;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

@Entity
@DiscriminatorValue("FOOD")
public class Food extends Product {

    @Column(length = 20)
    private String species;

    private Integer weightGrams;
}
