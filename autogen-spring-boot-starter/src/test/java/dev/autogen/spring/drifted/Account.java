package dev.autogen.spring.drifted;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class Account {
    @Id
    Long id;

    String email;
}
