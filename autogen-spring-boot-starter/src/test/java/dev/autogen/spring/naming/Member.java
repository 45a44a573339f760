package dev.autogen.spring.naming;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class Member {
    @Id
    Long id;

    String displayName;
}
