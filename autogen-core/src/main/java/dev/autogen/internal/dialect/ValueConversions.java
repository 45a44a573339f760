package dev.autogen.internal.dialect;

import dev.autogen.internal.operations.AlterColumn;
import dev.autogen.internal.operations.Operation;
import dev.autogen.internal.schema.QualifiedName;
import dev.autogen.internal.schema.ValueDomain;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A migration's operations with their type changes made to keep the values' meaning both ways (value by
 * value for enum, boolean, duration and UUID columns, from how the entities' mapping stores each value
 * now against how the old type held it; written by the author where a cast's result would depend on what
 * the database cannot know), where a cast would keep the bytes and lose the meaning; and the remark said
 * of each.
 */
public record ValueConversions(List<Operation> operations, Map<Operation, String> remarks) {

    public static ValueConversions of(List<Operation> operations, List<ValueDomain> valueDomains, Dialect dialect) {
        Map<QualifiedName, Map<String, ValueDomain>> domains = new HashMap<>();
        for (ValueDomain domain : valueDomains) {
            domains.computeIfAbsent(domain.table(), t -> new HashMap<>()).put(domain.column(), domain);
        }
        List<Operation> kept = new ArrayList<>();
        Map<Operation, String> remarks = new LinkedHashMap<>();
        for (Operation operation : operations) {
            Optional<ValueConversion> conversion = Optional.empty();
            if (operation instanceof AlterColumn alter && alter.typeChanged()) {
                conversion = dialect.keepMeaning(
                        alter,
                        domains.getOrDefault(alter.table(), Map.of())
                                .get(alter.to().name()));
            }
            if (conversion.isPresent()) {
                remarks.put(conversion.get().operation(), conversion.get().remark());
                kept.add(conversion.get().operation());
            } else {
                kept.add(operation);
            }
        }
        return new ValueConversions(kept, remarks);
    }
}
