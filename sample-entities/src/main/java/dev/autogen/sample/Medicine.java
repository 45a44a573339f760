package dev.autogen.sample;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

@Entity
@DiscriminatorValue("MEDICINE")
public class Medicine extends Product {

    @Column(length = 120)
    private String activeIngredient;

    private boolean prescriptionOnly;
}
