package dev.kiln.it.compat;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.QuoteMode;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Commons CSV the way applications use it: parsing with a header (quoted fields, embedded commas, quotes and
 * line breaks), the predefined formats (RFC 4180, Excel, TDF, MySQL), comments and null strings, and printing
 * records back with quoting modes. Every line printed is computed by the library.
 */
public final class CommonsCsv {
    private static final String INVENTORY = "sku,name,price,quantity,notes\n"
            + "A-100,\"Widget, large\",19.99,4,\n"
            + "B-220,Gadget,5.25,12,\"said \"\"hello\"\"\"\n"
            + "C-310,\"Multi\nline\",100,1,fragile\n"
            + "D-400,Doohickey,0.5,250,\"  padded  \"\n";

    public static void main(String[] args) throws IOException {
        parseWithHeader();
        predefinedFormats();
        print();
        System.out.println("commons-csv: done");
    }

    private static void parseWithHeader() throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(INVENTORY), format)) {
            System.out.println("header " + parser.getHeaderNames() + " map " + new TreeMap<>(parser.getHeaderMap()));
            double total = 0;
            for (CSVRecord record : parser) {
                double value = Double.parseDouble(record.get("price")) * Integer.parseInt(record.get("quantity"));
                total += value;
                System.out.println("record " + record.getRecordNumber() + " line " + parser.getCurrentLineNumber()
                        + " [" + record.get("name") + "] notes [" + record.get(4) + "] size " + record.size()
                        + " consistent " + record.isConsistent() + " value " + value);
            }
            System.out.println("total " + total);
        }
        try (CSVParser parser = CSVParser.parse(INVENTORY, CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            List<CSVRecord> records = parser.getRecords();
            Map<String, String> first = records.get(0).toMap();
            System.out.println("records " + records.size() + " first " + new TreeMap<>(first) + " values "
                    + String.join("|", records.get(1).values()));
        }
    }

    private static void predefinedFormats() throws IOException {
        String tabs = "a\tb\tc\n1\t\t3\n";
        try (CSVParser parser = CSVParser.parse(tabs, CSVFormat.TDF)) {
            for (CSVRecord record : parser) {
                System.out.println("TDF " + record.toList());
            }
        }
        String excel = "x;y\n\"1;5\";2\n";
        try (CSVParser parser = CSVParser.parse(excel, CSVFormat.EXCEL.builder().setDelimiter(';').get())) {
            parser.forEach(record -> System.out.println("EXCEL " + record.toList()));
        }
        String commented = "# generated\nk,v\nalpha,1\n# skipped\nbeta,NULL\n";
        CSVFormat withComments = CSVFormat.DEFAULT.builder().setCommentMarker('#').setNullString("NULL")
                .setHeader().setSkipHeaderRecord(true).get();
        try (CSVParser parser = CSVParser.parse(commented, withComments)) {
            for (CSVRecord record : parser) {
                System.out.println("comments " + record.get("k") + "=" + record.get("v") + " comment [" + record.getComment()
                        + "] mapped " + record.isMapped("v"));
            }
        }
        String mysql = "1\tTom\\tJones\t\\N\n";
        try (CSVParser parser = CSVParser.parse(mysql, CSVFormat.MYSQL)) {
            parser.forEach(record -> System.out.println("MYSQL " + record.toList()));
        }
        try (CSVParser parser = CSVParser.parse("a,\"unterminated\n", CSVFormat.DEFAULT)) {
            parser.getRecords();
        } catch (Exception expected) {
            System.out.println("malformed: " + expected.getClass().getSimpleName());
        }
    }

    private static void print() throws IOException {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader("id", "text", "amount").get())) {
            printer.printRecord(1, "plain", 2.5);
            printer.printRecord(2, "with, comma", null);
            printer.printRecord(3, "with \"quotes\"", -7);
            printer.printRecord(4, "two\nlines", 1e10);
            printer.printComment("not printed without a comment marker");
        }
        System.out.print("printed DEFAULT:\n" + out);
        StringWriter all = new StringWriter();
        try (CSVPrinter printer = CSVFormat.RFC4180.builder().setQuoteMode(QuoteMode.ALL).setRecordSeparator('\n').get().print(all)) {
            printer.printRecords(List.of(List.of("a", "b"), List.of("c", "d e")));
        }
        System.out.print("printed ALL:\n" + all);
        StringWriter minimal = new StringWriter();
        try (CSVPrinter printer = CSVFormat.TDF.builder().setRecordSeparator('\n').setCommentMarker('#').get().print(minimal)) {
            printer.printComment("tab separated");
            printer.printRecord("x y", "tab\there", "");
        }
        System.out.print("printed TDF:\n" + minimal);
        System.out.println("format " + CSVFormat.DEFAULT.builder().setDelimiter('|').setQuote('\'').get());
    }
}
