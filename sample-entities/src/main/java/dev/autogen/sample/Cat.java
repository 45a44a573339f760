package dev.autogen.sample;

import jakarta.persistence.Entity;

@Entity
public class Cat extends Animal {

    private boolean indoor;
}
