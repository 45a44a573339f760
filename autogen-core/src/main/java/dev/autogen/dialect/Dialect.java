package dev.autogen.dialect;

import dev.autogen.operations.Operation;
import java.util.List;

/** Renders operations as the SQL statements of one database. */
public interface Dialect {

    /** The statements that carry out {@code operation}, in order; none for a no-op. */
    List<String> render(Operation operation);
}
