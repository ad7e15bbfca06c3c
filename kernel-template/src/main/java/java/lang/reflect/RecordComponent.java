package java.lang.reflect;

import java.lang.annotation.Annotation;
import kiln.lib.reflect.AnnotationInstance;
import kiln.lib.reflect.SignatureParser;

/** A component of a record registered for reflection (JVMS §4.7.30), with its accessor method. */
public final class RecordComponent implements AnnotatedElement {
    private final Class<?> declaringRecord;
    private final String name;
    private final Class<?> type;
    private final String signature;
    private final Method accessor;
    private final Annotation[] annotations;

    /** Made by the generated metadata code only (docs/abi.md "Reflection metadata"). */
    RecordComponent(Class<?> declaringRecord, String name, Class<?> type, String signature, Method accessor,
                    Annotation[] annotations) {
        this.declaringRecord = declaringRecord;
        this.name = name;
        this.type = type;
        this.signature = signature;
        this.accessor = accessor;
        this.annotations = annotations;
    }

    public String getName() {
        return name;
    }

    public Class<?> getType() {
        return type;
    }

    public String getGenericSignature() {
        return signature;
    }

    public Type getGenericType() {
        return signature == null ? type : SignatureParser.type(declaringRecord, signature);
    }

    public Method getAccessor() {
        return accessor.copy();
    }

    public Class<?> getDeclaringRecord() {
        return declaringRecord;
    }

    @Override
    public <T extends Annotation> T getAnnotation(Class<T> annotationClass) {
        return AnnotationInstance.find(annotations, annotationClass);
    }

    @Override
    public Annotation[] getAnnotations() {
        return annotations.clone();
    }

    @Override
    public Annotation[] getDeclaredAnnotations() {
        return annotations.clone();
    }

    @Override
    public String toString() {
        return type.getTypeName() + " " + name;
    }
}
