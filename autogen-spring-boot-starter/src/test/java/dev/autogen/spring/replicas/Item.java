package dev.autogen.spring.replicas;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

@Entity
@Table(
        indexes = @Index(name = "ix_item_qty", columnList = "qty"),
        uniqueConstraints = @UniqueConstraint(name = "uk_item_code", columnNames = "code"))
public class Item {
    @Id
    Long id;

    @Column(nullable = false, length = 20)
    String code;

    @Column(nullable = false)
    Integer qty;
}
