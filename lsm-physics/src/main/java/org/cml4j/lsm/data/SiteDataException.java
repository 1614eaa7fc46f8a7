package org.cml4j.lsm.data;

import java.time.Instant;

/**
 * A data file (or a {@link SiteData} built from one) is unusable: missing column, unparseable value,
 * value outside its {@linkplain PhysicalRanges physical range}, non-monotonic time, gap too long, ...
 *
 * <p>The message always names the file, the record (line number for text files, record index and
 * timestamp for netCDF) and the variable when they apply, and the allowed range for range errors,
 * so that a user can fix the file without reading a stack trace.
 */
public class SiteDataException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** How {@link #record()} is to be read. */
    public enum RecordKind {
        /** 1-based line number in a text file. */
        LINE,
        /** 0-based record (time) index. */
        RECORD_INDEX,
        /** The error concerns the whole file or a whole variable; {@link #record()} is -1. */
        NONE
    }

    private final String file;
    private final long record;
    private final RecordKind recordKind;
    private final String variable;
    private final String detail;

    /**
     * @param file       the file (or source description) concerned, never null
     * @param record     1-based line, 0-based record index, or -1
     * @param recordKind how to read {@code record}
     * @param variable   the variable or column concerned, or null
     * @param detail     what is wrong, including the value and allowed range when relevant
     * @param cause      underlying exception, or null
     */
    public SiteDataException(String file, long record, RecordKind recordKind, String variable,
                             String detail, Throwable cause) {
        super(format(file, record, recordKind, null, variable, detail), cause);
        this.file = file;
        this.record = recordKind == RecordKind.NONE ? -1 : record;
        this.recordKind = recordKind;
        this.variable = variable;
        this.detail = detail;
    }

    private SiteDataException(String file, long record, RecordKind kind, Instant time, String variable,
                              String detail, Throwable cause) {
        super(format(file, record, kind, time, variable, detail), cause);
        this.file = file;
        this.record = record;
        this.recordKind = kind;
        this.variable = variable;
        this.detail = detail;
    }

    /** Error at a 1-based line of a text file. */
    public static SiteDataException atLine(String file, long line, String variable, String detail) {
        return new SiteDataException(file, line, RecordKind.LINE, variable, detail, null);
    }

    /** Error at a 0-based record index, with its timestamp (may be null if unknown). */
    public static SiteDataException atRecord(String file, long index, Instant time, String variable,
                                             String detail) {
        return new SiteDataException(file, index, RecordKind.RECORD_INDEX, time, variable, detail, null);
    }

    /** Error about the whole file or a whole variable. */
    public static SiteDataException forFile(String file, String variable, String detail) {
        return new SiteDataException(file, -1, RecordKind.NONE, variable, detail, null);
    }

    /** Error about the whole file, caused by a lower-level exception. */
    public static SiteDataException forFile(String file, String detail, Throwable cause) {
        return new SiteDataException(file, -1, RecordKind.NONE, null, detail, cause);
    }

    private static String format(String file, long record, RecordKind kind, Instant time,
                                 String variable, String detail) {
        StringBuilder sb = new StringBuilder();
        sb.append("file ").append(file);
        if (kind == RecordKind.LINE) {
            sb.append(", line ").append(record);
        } else if (kind == RecordKind.RECORD_INDEX) {
            sb.append(", record ").append(record);
            if (time != null) {
                sb.append(" (").append(time).append(')');
            }
        }
        if (variable != null) {
            sb.append(", variable ").append(variable);
        }
        return sb.append(": ").append(detail).toString();
    }

    /** The file or source description. */
    public String file() {
        return file;
    }

    /** 1-based line number, 0-based record index, or -1; see {@link #recordKind()}. */
    public long record() {
        return record;
    }

    /** How {@link #record()} is to be read. */
    public RecordKind recordKind() {
        return recordKind;
    }

    /** The variable or column concerned, or null. */
    public String variable() {
        return variable;
    }

    /** The message without the file/record/variable prefix. */
    public String detail() {
        return detail;
    }
}
