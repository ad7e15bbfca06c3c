package java.io;

/**
 * Java object serialization is not part of Kiln: there are no class descriptors to read objects by. The
 * JDK's ObjectInputStream would pull in reflection, method handles and the security machinery as soon as any
 * reachable code names it (TreeMap does, for its readObject path); this stand-in keeps its API and throws
 * from its constructors, so no instance can exist and no method can run.
 */
public class ObjectInputStream extends InputStream implements ObjectInput, ObjectStreamConstants {
    public ObjectInputStream(InputStream in) throws IOException {
        throw unsupported();
    }

    protected ObjectInputStream() throws IOException, SecurityException {
        throw unsupported();
    }

    private static UnsupportedOperationException unsupported() {
        return new UnsupportedOperationException("Kiln does not support Java object serialization");
    }

    public final Object readObject() throws IOException, ClassNotFoundException {
        throw unsupported();
    }

    protected Object readObjectOverride() throws IOException, ClassNotFoundException {
        throw unsupported();
    }

    public Object readUnshared() throws IOException, ClassNotFoundException {
        throw unsupported();
    }

    public void defaultReadObject() throws IOException, ClassNotFoundException {
        throw unsupported();
    }

    public GetField readFields() throws IOException, ClassNotFoundException {
        throw unsupported();
    }

    public void registerValidation(ObjectInputValidation arg0, int arg1) throws NotActiveException, InvalidObjectException {
        throw unsupported();
    }

    protected Class<?> resolveClass(ObjectStreamClass arg0) throws IOException, ClassNotFoundException {
        throw unsupported();
    }

    protected Class<?> resolveProxyClass(String[] arg0) throws IOException, ClassNotFoundException {
        throw unsupported();
    }

    protected Object resolveObject(Object arg0) throws IOException {
        throw unsupported();
    }

    protected boolean enableResolveObject(boolean arg0) throws SecurityException {
        throw unsupported();
    }

    protected void readStreamHeader() throws IOException, StreamCorruptedException {
        throw unsupported();
    }

    protected ObjectStreamClass readClassDescriptor() throws IOException, ClassNotFoundException {
        throw unsupported();
    }

    public int read() throws IOException {
        throw unsupported();
    }

    public int read(byte[] arg0, int arg1, int arg2) throws IOException {
        throw unsupported();
    }

    public int available() throws IOException {
        throw unsupported();
    }

    public void close() throws IOException {
        throw unsupported();
    }

    public boolean readBoolean() throws IOException {
        throw unsupported();
    }

    public byte readByte() throws IOException {
        throw unsupported();
    }

    public int readUnsignedByte() throws IOException {
        throw unsupported();
    }

    public char readChar() throws IOException {
        throw unsupported();
    }

    public short readShort() throws IOException {
        throw unsupported();
    }

    public int readUnsignedShort() throws IOException {
        throw unsupported();
    }

    public int readInt() throws IOException {
        throw unsupported();
    }

    public long readLong() throws IOException {
        throw unsupported();
    }

    public float readFloat() throws IOException {
        throw unsupported();
    }

    public double readDouble() throws IOException {
        throw unsupported();
    }

    public void readFully(byte[] arg0) throws IOException {
        throw unsupported();
    }

    public void readFully(byte[] arg0, int arg1, int arg2) throws IOException {
        throw unsupported();
    }

    public int skipBytes(int arg0) throws IOException {
        throw unsupported();
    }

    public String readLine() throws IOException {
        throw unsupported();
    }

    public String readUTF() throws IOException {
        throw unsupported();
    }

    public final ObjectInputFilter getObjectInputFilter() {
        throw unsupported();
    }

    public final void setObjectInputFilter(ObjectInputFilter arg0) {
        throw unsupported();
    }

    public abstract static class GetField {
        public GetField() {}

        public abstract ObjectStreamClass getObjectStreamClass();

        public abstract boolean defaulted(String name) throws IOException;

        public abstract boolean get(String name, boolean val) throws IOException;

        public abstract byte get(String name, byte val) throws IOException;

        public abstract char get(String name, char val) throws IOException;

        public abstract short get(String name, short val) throws IOException;

        public abstract int get(String name, int val) throws IOException;

        public abstract long get(String name, long val) throws IOException;

        public abstract float get(String name, float val) throws IOException;

        public abstract double get(String name, double val) throws IOException;

        public abstract Object get(String name, Object val) throws IOException;
    }
}
