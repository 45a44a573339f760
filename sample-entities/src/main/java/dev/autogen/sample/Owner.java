package dev.autogen.sample;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hibernate.annotations.Comment;

@Entity
@Table(indexes = @Index(columnList = "last_name, first_name"))
@Comment("People who bring animals to the clinic")
public class Owner {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 60)
    private String firstName;

    @Column(nullable = false, length = 60)
    private String lastName;

    @Column(unique = true, length = 160)
    @Comment("Where reminders are sent")
    private String email;

    @Embedded
    private Address address;

    @Embedded
    @AttributeOverrides({
        @AttributeOverride(name = "street", column = @Column(name = "billing_street", length = 120)),
        @AttributeOverride(name = "postalCode", column = @Column(name = "billing_postal_code", length = 12)),
        @AttributeOverride(name = "city", column = @Column(name = "billing_city", length = 80))
    })
    private Address billingAddress;

    @ElementCollection
    @CollectionTable(name = "owner_phone")
    @OrderColumn(name = "position")
    private List<Phone> phones = new ArrayList<>();

    @ElementCollection
    @Column(name = "tag", length = 40)
    private Set<String> tags = new HashSet<>();

    private Instant createdAt;

    @Version
    private Integer version;
}
