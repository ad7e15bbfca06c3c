package kiln.test.programs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serializable;

/** Serializing an object, which a Kiln image does not do: the failure must name the class and the way out. */
public class ObjectSerialization {
    record Pair(String name, long value) implements Serializable {
    }

    public static void main(String[] args) throws IOException {
        try (ObjectOutputStream out = new ObjectOutputStream(new ByteArrayOutputStream())) {
            out.writeObject(new Pair("p", 1));
            System.out.println("serialized");
        } catch (UnsupportedOperationException e) {
            System.out.println(e.getMessage());
        }
    }
}
