package kiln.test.programs;

import java.sql.JDBCType;
import javax.xml.namespace.QName;

/**
 * Uses classes of JDK modules other than {@code java.base}, read by the compiler from the build JDK's run-time
 * image: {@code java.sql}'s JDBC types, {@code java.xml}'s qualified names. ({@code
 * java.sql.Timestamp} is left out: as a {@code java.util.Date} its {@code toString} reaches the default time
 * zone, which the image does not carry yet; so is {@code SQLException}, whose
 * exception chain is an {@code AtomicReferenceFieldUpdater}.)
 */
public class JdkModules {
    public static void main(String[] args) {
        System.out.println(JDBCType.valueOf(java.sql.Types.VARCHAR) + " " + JDBCType.TIMESTAMP.getVendor()
                + " " + JDBCType.BIGINT.getVendorTypeNumber());
        try {
            JDBCType.valueOf(12345);
        } catch (IllegalArgumentException e) {
            System.out.println(e.getMessage());
        }

        QName name = QName.valueOf("{urn:kiln:test}image");
        System.out.println(name.getNamespaceURI() + " | " + name.getLocalPart() + " | " + name);
        System.out.println(name.equals(new QName("urn:kiln:test", "image", "k")) + " "
                + new QName("plain").toString());
    }
}
