package dev.autogen.sample;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A reserved word as the table name, and another as a column name: both must be quoted. */
@Entity
@Table(name = "\"order\"", schema = "inventory")
public class PurchaseOrder {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    private Supplier supplier;

    @Column(name = "\"user\"", nullable = false, length = 60)
    private String user;

    private LocalDate orderedOn;

    @ManyToMany
    private List<Product> products = new ArrayList<>();
}
