package dev.autogen.sample;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;

@Entity
public class CardPayment extends Payment {

    @Column(nullable = false, length = 4)
    private String lastFourDigits;

    @Column(length = 20)
    private String network;
}
