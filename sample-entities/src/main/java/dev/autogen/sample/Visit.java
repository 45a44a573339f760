package dev.autogen.sample;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.LocalDateTime;
import org.hibernate.annotations.Check;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(
        indexes = @Index(name = "idx_visit_scheduled_at", columnList = "scheduled_at"),
        uniqueConstraints =
                @UniqueConstraint(
                        name = "uk_visit_slot",
                        columnNames = {"veterinarian_id", "scheduled_at"}))
public class Visit {

    @Id
    @GeneratedValue
    private Long id;

    @ManyToOne(optional = false)
    private Animal animal;

    @ManyToOne
    private Veterinarian veterinarian;

    @Column(nullable = false)
    private LocalDateTime scheduledAt;

    @Check(constraints = "duration_minutes > 0")
    private int durationMinutes;

    @Enumerated(EnumType.ORDINAL)
    private Priority priority;

    @JdbcTypeCode(SqlTypes.NAMED_ENUM)
    @Column(nullable = false)
    private VisitStatus status;

    @Lob
    private String notes;
}
