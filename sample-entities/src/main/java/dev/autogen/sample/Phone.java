package dev.autogen.sample;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

@Embeddable
public class Phone {

    public enum Kind {
        MOBILE,
        HOME,
        WORK
    }

    @Enumerated(EnumType.STRING)
    @Column(length = 10, nullable = false)
    private Kind kind;

    @Column(length = 32, nullable = false)
    private String number;
}
