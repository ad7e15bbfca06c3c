package dev.kiln.qemu.junit;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Lets a JUnit 5 test boot images: {@code @ExtendWith(QemuExtension.class)} on the class, a {@link QemuBooter}
 * parameter on the test method.
 * <pre>
 * &#64;Test
 * void helloExits(QemuBooter qemu) {
 *     RunResult result = qemu.boot(RunSpec.builder(image, ImageKind.ISO).timeout(Duration.ofSeconds(30)).build());
 *     assertTrue(result.serialOutput().contains("hello"));
 * }
 * </pre>
 * Shipped in this module's test-jar ({@code <type>test-jar</type>}, test scope), so the main jar stays free of
 * JUnit.
 */
public final class QemuExtension implements ParameterResolver {
    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == QemuBooter.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return new QemuBooter(context);
    }
}
