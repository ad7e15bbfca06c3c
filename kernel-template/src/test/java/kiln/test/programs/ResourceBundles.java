package kiln.test.programs;

import java.util.ListResourceBundle;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.TreeSet;

/**
 * ResourceBundle.getBundle for the program's own bundles, from properties files and from ListResourceBundle
 * classes, with the JDK's candidate locales, parent chain and fallback to the default locale.
 */
public class ResourceBundles {
    /** The base bundle of {@code Labels}, a class. */
    public static class Labels extends ListResourceBundle {
        @Override
        protected Object[][] getContents() {
            return new Object[][] {{"ok", "OK"}, {"cancel", "Cancel"}, {"count", 3}};
        }
    }

    /** British English labels: only what differs. */
    public static class Labels_en_GB extends ListResourceBundle {
        @Override
        protected Object[][] getContents() {
            return new Object[][] {{"cancel", "Cancel (GB)"}, {"colour", "colour"}};
        }
    }

    public static void main(String[] args) {
        Locale[] locales = {Locale.ROOT, Locale.ENGLISH, Locale.US, Locale.UK, Locale.FRANCE, Locale.GERMANY};
        for (Locale locale : locales) {
            ResourceBundle messages = ResourceBundle.getBundle("kiln.test.programs.Messages", locale);
            System.out.println("[" + locale + "] messages " + messages.getLocale() + " " + messages.getString("greeting")
                    + " / " + messages.getString("farewell") + " / " + new TreeSet<>(messages.keySet()) + " "
                    + messages.getBaseBundleName());
            ResourceBundle labels = ResourceBundle.getBundle("kiln.test.programs.ResourceBundles$Labels", locale);
            System.out.println("[" + locale + "] labels " + labels.getLocale() + " " + labels.getString("cancel") + " "
                    + labels.getObject("count") + " " + labels.containsKey("colour") + " "
                    + labels.getClass().getSimpleName());
        }
        ResourceBundle same = ResourceBundle.getBundle("kiln.test.programs.Messages", Locale.UK);
        System.out.println("cached " + (same == ResourceBundle.getBundle("kiln.test.programs.Messages", Locale.UK)));
        try {
            same.getString("missing.key");
        } catch (MissingResourceException e) {
            System.out.println(e.getMessage() + " | " + e.getClassName() + " | " + e.getKey());
        }
        try {
            ResourceBundle.getBundle("kiln.test.programs.NoSuchBundle", Locale.US);
        } catch (MissingResourceException e) {
            System.out.println(e.getMessage() + " | " + e.getClassName() + " | " + e.getKey());
        }
        ResourceBundle propertiesOnly = ResourceBundle.getBundle("kiln.test.programs.Messages", Locale.UK,
                ResourceBundle.Control.getControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        System.out.println("properties only " + propertiesOnly.getString("colour") + " " + propertiesOnly.getLocale());
        ResourceBundle noFallback = ResourceBundle.getBundle("kiln.test.programs.Messages", Locale.FRANCE,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_DEFAULT));
        System.out.println("no fallback " + noFallback.getLocale() + " " + noFallback.getString("greeting"));
    }
}
