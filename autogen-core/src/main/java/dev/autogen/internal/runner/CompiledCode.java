package dev.autogen.internal.runner;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.util.Textifier;
import org.objectweb.asm.util.TraceClassVisitor;

/**
 * What a migration's Java code does, as text: the migration class and the classes nested in it (member,
 * local, anonymous), whose methods include the bodies of its lambdas, printed by ASM from the class files
 * the JVM loaded.
 *
 * <p>Left out is what does not change what the code does, so that recompiling the same source with the
 * same compiler gives the same text, with or without debug information: line numbers, local variable
 * names, the source file's name, stack map frames, the class-file version, and the class's annotations
 * ({@code @Revision}'s message is not code). Constants are printed by value and jumps by label, so the
 * order of the constant pool does not matter either. Code the migration calls in other classes is not
 * covered.
 */
final class CompiledCode {

    private CompiledCode() {}

    /** The text of {@code migration}'s code, or {@code null} when its class files cannot be read. */
    static String of(Class<?> migration) {
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        for (Class<?> type : ownClasses(migration)) {
            byte[] bytes = classFile(type);
            if (bytes == null) {
                return null;
            }
            new ClassReader(bytes)
                    .accept(
                            new WithoutVersionOrAnnotations(new TraceClassVisitor(null, new Textifier(), out)),
                            ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        }
        out.flush();
        return text.toString();
    }

    /** The migration and the classes nested in it, by name: not the rest of a nest it may be part of. */
    private static List<Class<?>> ownClasses(Class<?> migration) {
        String prefix = migration.getName() + "$";
        // The migration itself first, even where it is no nest member (a hidden class has no class file).
        return Stream.concat(
                        Stream.of(migration),
                        Arrays.stream(migration.getNestHost().getNestMembers())
                                .filter(type -> type.getName().startsWith(prefix))
                                .sorted(Comparator.comparing(Class::getName)))
                .distinct()
                .toList();
    }

    private static byte[] classFile(Class<?> type) {
        String resource = type.getName().replace('.', '/') + ".class";
        ClassLoader loader = type.getClassLoader();
        try (InputStream in = loader == null
                ? ClassLoader.getSystemResourceAsStream(resource)
                : loader.getResourceAsStream(resource)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class WithoutVersionOrAnnotations extends ClassVisitor {

        WithoutVersionOrAnnotations(ClassVisitor next) {
            super(Opcodes.ASM9, next);
        }

        @Override
        public void visit(
                int version, int access, String name, String signature, String superName, String[] interfaces) {
            super.visit(0, access, name, signature, superName, interfaces);
        }

        @Override
        public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
            return null;
        }
    }
}
