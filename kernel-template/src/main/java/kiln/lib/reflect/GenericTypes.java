package kiln.lib.reflect;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.GenericDeclaration;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.Arrays;
import java.util.Objects;

/**
 * Kiln's implementations of the generic {@link Type}s that {@link SignatureParser} builds, with the JDK's
 * {@code equals}, {@code hashCode} and {@code toString} (the contracts of the interfaces' javadoc, and the
 * formats that code printing types relies on), so that instances compare equal to what a library builds itself
 * (Gson's and Jackson's own ParameterizedType implementations compare against these).
 */
public final class GenericTypes {
    private GenericTypes() {}

    /** {@code List<String>}, {@code Map.Entry<K, V>}. */
    public static final class Parameterized implements ParameterizedType {
        private final Class<?> rawType;
        private final Type[] arguments;
        private final Type ownerType;

        Parameterized(Class<?> rawType, Type[] arguments, Type ownerType) {
            this.rawType = rawType;
            this.arguments = arguments;
            this.ownerType = ownerType != null ? ownerType : SignatureParser.enclosingClass(rawType);
        }

        @Override
        public Type[] getActualTypeArguments() {
            return arguments.clone();
        }

        @Override
        public Type getRawType() {
            return rawType;
        }

        @Override
        public Type getOwnerType() {
            return ownerType;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ParameterizedType other && rawType.equals(other.getRawType())
                    && Objects.equals(ownerType, other.getOwnerType())
                    && Arrays.equals(arguments, other.getActualTypeArguments());
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(arguments) ^ Objects.hashCode(ownerType) ^ Objects.hashCode(rawType);
        }

        @Override
        public String toString() {
            StringBuilder text = new StringBuilder();
            if (ownerType != null) {
                text.append(ownerType.getTypeName()).append('$');
                if (ownerType instanceof Parameterized owner) {
                    text.append(rawType.getName().replace(owner.rawType.getName() + "$", ""));
                } else {
                    text.append(rawType.getSimpleName());
                }
            } else {
                text.append(rawType.getName());
            }
            if (arguments.length > 0) {
                text.append('<');
                for (int i = 0; i < arguments.length; i++) {
                    text.append(i == 0 ? "" : ", ").append(arguments[i].getTypeName());
                }
                text.append('>');
            }
            return text.toString();
        }
    }

    /** {@code T}, declared by a class, method or constructor. */
    public static final class Variable<D extends GenericDeclaration> implements TypeVariable<D> {
        private final D declaration;
        private final String name;
        /** The bounds' signatures, parsed when asked for (a bound may name the variable itself). */
        private final String[] boundSignatures;

        Variable(D declaration, String name, String[] boundSignatures) {
            this.declaration = declaration;
            this.name = name;
            this.boundSignatures = boundSignatures;
        }

        @Override
        public Type[] getBounds() {
            if (boundSignatures.length == 0) {
                return new Type[] {Object.class};
            }
            Type[] bounds = new Type[boundSignatures.length];
            for (int i = 0; i < bounds.length; i++) {
                bounds[i] = SignatureParser.type(declaration, boundSignatures[i]);
            }
            return bounds;
        }

        @Override
        public D getGenericDeclaration() {
            return declaration;
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public AnnotatedType[] getAnnotatedBounds() {
            return new AnnotatedType[0]; // Kiln records no type annotations (JVMS §4.7.20)
        }

        @Override
        public <T extends Annotation> T getAnnotation(Class<T> annotationClass) {
            Objects.requireNonNull(annotationClass);
            return null;
        }

        @Override
        public Annotation[] getAnnotations() {
            return new Annotation[0];
        }

        @Override
        public Annotation[] getDeclaredAnnotations() {
            return new Annotation[0];
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof TypeVariable<?> other && name.equals(other.getName())
                    && declaration.equals(other.getGenericDeclaration());
        }

        @Override
        public int hashCode() {
            return declaration.hashCode() ^ name.hashCode();
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** {@code ?}, {@code ? extends Number}, {@code ? super T}. */
    public static final class Wildcard implements WildcardType {
        private final Type[] upperBounds;
        private final Type[] lowerBounds;

        Wildcard(Type[] upperBounds, Type[] lowerBounds) {
            this.upperBounds = upperBounds;
            this.lowerBounds = lowerBounds;
        }

        @Override
        public Type[] getUpperBounds() {
            return upperBounds.clone();
        }

        @Override
        public Type[] getLowerBounds() {
            return lowerBounds.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof WildcardType other && Arrays.equals(lowerBounds, other.getLowerBounds())
                    && Arrays.equals(upperBounds, other.getUpperBounds());
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(lowerBounds) ^ Arrays.hashCode(upperBounds);
        }

        @Override
        public String toString() {
            if (lowerBounds.length > 0) {
                return "? super " + lowerBounds[0].getTypeName();
            }
            if (upperBounds.length == 0 || upperBounds[0] == Object.class) {
                return "?";
            }
            return "? extends " + upperBounds[0].getTypeName();
        }
    }

    /** {@code T[]}, {@code List<String>[]}; an array of a plain class is that array's Class instead. */
    public static final class GenericArray implements GenericArrayType {
        private final Type component;

        GenericArray(Type component) {
            this.component = component;
        }

        @Override
        public Type getGenericComponentType() {
            return component;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof GenericArrayType other && Objects.equals(component, other.getGenericComponentType());
        }

        @Override
        public int hashCode() {
            return Objects.hashCode(component);
        }

        @Override
        public String toString() {
            return component.getTypeName() + "[]";
        }
    }
}
