package dev.autogen.sample;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import java.math.BigDecimal;

@Entity
public class CashPayment extends Payment {

    @Column(precision = 12, scale = 2)
    private BigDecimal tendered;
}
