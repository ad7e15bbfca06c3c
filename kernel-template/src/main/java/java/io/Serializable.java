package java.io;

/** A marker only: Kiln has no serialization. */
public interface Serializable {
}
