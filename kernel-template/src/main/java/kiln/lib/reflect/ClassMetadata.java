package kiln.lib.reflect;

import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;

/**
 * What the build recorded about a class registered for reflection (docs/abi.md "Reflection metadata"): made
 * once, by the generated method whose address is in the class's {@code Class.reflectionData}, and shared;
 * {@code Class} hands out copies of the member objects, as the JDK does.
 *
 * @param complete         every declared member is here; false for a supertype recorded only for the
 *                         inherited lookups of a registered subclass ({@code getMethods}, {@code getFields}):
 *                         its public members only
 * @param interfaces       the interfaces the class declares, in order (Class.getInterfaces)
 * @param signature        the class's Signature attribute (JVMS §4.7.9.1), or null
 * @param recordComponents a record's components in order, or null for other classes
 */
public record ClassMetadata(boolean complete, Class<?>[] interfaces, String signature, Field[] fields,
                            Method[] methods, Constructor<?>[] constructors, Annotation[] annotations,
                            RecordComponent[] recordComponents, MemberAccess access) {
}
