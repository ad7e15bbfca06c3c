package dev.kiln.image.iso;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/** A fixed-size byte buffer filled front to back with the field encodings of ECMA-119 §7. */
final class Bytes {
    private final byte[] array;
    private int position;

    Bytes(int size) {
        array = new byte[size];
    }

    byte[] array() {
        return array;
    }

    Bytes at(int offset) {
        position = offset;
        return this;
    }

    Bytes u8(int value) {
        array[position++] = (byte) value;
        return this;
    }

    Bytes u16le(int value) {
        return u8(value).u8(value >>> 8);
    }

    Bytes u16be(int value) {
        return u8(value >>> 8).u8(value);
    }

    /** §7.2.3: both-byte orders, least significant first. */
    Bytes u16both(int value) {
        return u16le(value).u16be(value);
    }

    Bytes u32le(long value) {
        return u16le((int) value).u16le((int) (value >>> 16));
    }

    Bytes u32be(long value) {
        return u16be((int) (value >>> 16)).u16be((int) value);
    }

    /** §7.3.3: both-byte orders, least significant first. */
    Bytes u32both(long value) {
        return u32le(value).u32be(value);
    }

    Bytes bytes(byte[] bytes) {
        System.arraycopy(bytes, 0, array, position, bytes.length);
        position += bytes.length;
        return this;
    }

    /** An a- or d-character field padded with spaces (§7.4.3), already validated by the caller. */
    Bytes text(String text, int width) {
        byte[] ascii = text.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < width; i++) {
            array[position++] = i < ascii.length ? ascii[i] : (byte) ' ';
        }
        return this;
    }

    /** §8.4.26.1: "YYYYMMDDHHMMSSCC" in ASCII digits, then the offset from GMT in 15-minute units (0: UTC). */
    Bytes decimalDateTime(Instant instant) {
        ZonedDateTime t = ZonedDateTime.ofInstant(instant, ZoneOffset.UTC);
        return text(String.format("%04d%02d%02d%02d%02d%02d%02d", t.getYear(), t.getMonthValue(), t.getDayOfMonth(),
                t.getHour(), t.getMinute(), t.getSecond(), t.getNano() / 10_000_000), 16).u8(0);
    }

    /** §8.4.26.1: the "not specified" date, sixteen '0' digits and a zero offset. */
    Bytes unspecifiedDateTime() {
        return text("0".repeat(16), 16).u8(0);
    }

    /** §9.1.5: years since 1900, month, day, hour, minute, second, GMT offset in 15-minute units (0: UTC). */
    Bytes recordingDateTime(Instant instant) {
        ZonedDateTime t = ZonedDateTime.ofInstant(instant, ZoneOffset.UTC);
        return u8(t.getYear() - 1900).u8(t.getMonthValue()).u8(t.getDayOfMonth())
                .u8(t.getHour()).u8(t.getMinute()).u8(t.getSecond()).u8(0);
    }
}
