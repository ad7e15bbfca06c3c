package dev.kiln.compiler.verify;

import static dev.kiln.compiler.verify.Bytecode.ALOAD_3;
import static dev.kiln.compiler.verify.Bytecode.ANEWARRAY;
import static dev.kiln.compiler.verify.Bytecode.ASTORE;
import static dev.kiln.compiler.verify.Bytecode.ASTORE_3;
import static dev.kiln.compiler.verify.Bytecode.CHECKCAST;
import static dev.kiln.compiler.verify.Bytecode.GETSTATIC;
import static dev.kiln.compiler.verify.Bytecode.GOTO_W;
import static dev.kiln.compiler.verify.Bytecode.IFEQ;
import static dev.kiln.compiler.verify.Bytecode.IFNONNULL;
import static dev.kiln.compiler.verify.Bytecode.IFNULL;
import static dev.kiln.compiler.verify.Bytecode.IINC;
import static dev.kiln.compiler.verify.Bytecode.ILOAD;
import static dev.kiln.compiler.verify.Bytecode.ILOAD_0;
import static dev.kiln.compiler.verify.Bytecode.INSTANCEOF;
import static dev.kiln.compiler.verify.Bytecode.INVOKEDYNAMIC;
import static dev.kiln.compiler.verify.Bytecode.INVOKEINTERFACE;
import static dev.kiln.compiler.verify.Bytecode.INVOKESPECIAL;
import static dev.kiln.compiler.verify.Bytecode.INVOKESTATIC;
import static dev.kiln.compiler.verify.Bytecode.INVOKEVIRTUAL;
import static dev.kiln.compiler.verify.Bytecode.ISTORE;
import static dev.kiln.compiler.verify.Bytecode.ISTORE_0;
import static dev.kiln.compiler.verify.Bytecode.JSR;
import static dev.kiln.compiler.verify.Bytecode.JSR_W;
import static dev.kiln.compiler.verify.Bytecode.LDC;
import static dev.kiln.compiler.verify.Bytecode.LDC2_W;
import static dev.kiln.compiler.verify.Bytecode.LDC_W;
import static dev.kiln.compiler.verify.Bytecode.LOOKUPSWITCH;
import static dev.kiln.compiler.verify.Bytecode.MULTIANEWARRAY;
import static dev.kiln.compiler.verify.Bytecode.NEW;
import static dev.kiln.compiler.verify.Bytecode.NEWARRAY;
import static dev.kiln.compiler.verify.Bytecode.PUTFIELD;
import static dev.kiln.compiler.verify.Bytecode.RET;
import static dev.kiln.compiler.verify.Bytecode.TABLESWITCH;
import static dev.kiln.compiler.verify.Bytecode.WIDE;
import static dev.kiln.compiler.verify.ClassFileFormat.CLASS;
import static dev.kiln.compiler.verify.ClassFileFormat.DOUBLE;
import static dev.kiln.compiler.verify.ClassFileFormat.DYNAMIC;
import static dev.kiln.compiler.verify.ClassFileFormat.FIELDREF;
import static dev.kiln.compiler.verify.ClassFileFormat.FLOAT;
import static dev.kiln.compiler.verify.ClassFileFormat.INTEGER;
import static dev.kiln.compiler.verify.ClassFileFormat.INTERFACE_METHODREF;
import static dev.kiln.compiler.verify.ClassFileFormat.INVOKE_DYNAMIC;
import static dev.kiln.compiler.verify.ClassFileFormat.LONG;
import static dev.kiln.compiler.verify.ClassFileFormat.METHODREF;
import static dev.kiln.compiler.verify.ClassFileFormat.METHOD_HANDLE;
import static dev.kiln.compiler.verify.ClassFileFormat.METHOD_TYPE;
import static dev.kiln.compiler.verify.ClassFileFormat.STRING;

import java.util.ArrayList;
import java.util.List;

/**
 * One Code attribute (JVMS §4.7.3): its lengths, its instructions (§4.9.1 static constraints), its exception
 * table and the attributes inside it that point into the code (LineNumberTable, LocalVariableTable,
 * StackMapTable). Part of {@link ClassFileFormat}; see there for the list of checks.
 */
final class CodeFormat {
    private final ClassFileFormat file;
    private final byte[] bytes;
    private final int start;
    private final int end;
    private final int major;
    private final int argumentSlots;
    private final boolean isStatic;
    private final String descriptor;
    private int maxStack;
    private int maxLocals;
    private int codeStart;
    private int codeLength;
    private boolean[] instructionStarts;

    CodeFormat(ClassFileFormat file, byte[] bytes, int start, int length, int major, int argumentSlots,
               boolean isStatic, String descriptor) {
        this.file = file;
        this.bytes = bytes;
        this.start = start;
        this.end = start + length;
        this.major = major;
        this.argumentSlots = argumentSlots;
        this.isStatic = isStatic;
        this.descriptor = descriptor;
    }

    void check() throws ClassFileException {
        if (end - start < 12) {
            throw file.codeFormatError("Code attribute of " + (end - start) + " bytes is too short");
        }
        maxStack = file.u2(start);
        maxLocals = file.u2(start + 2);
        codeLength = file.s4(start + 4);
        codeStart = start + 8;
        if (codeLength <= 0 || codeLength >= 65536) {
            throw file.codeFormatError("invalid method Code length " + codeLength + " (JVMS §4.7.3: 1 to 65535)");
        }
        if ((long) codeStart + codeLength + 4 > end) {
            throw file.codeFormatError("the Code attribute is shorter than its code (" + codeLength + " bytes)");
        }
        if (maxLocals < argumentSlots) {
            throw file.codeFormatError("arguments can't fit into locals: max_locals is " + maxLocals + ", the arguments"
                    + " take " + argumentSlots);
        }
        checkInstructions();
        int p = codeStart + codeLength;
        int handlers = file.u2(p);
        p += 2;
        if ((long) p + 8L * handlers + 2 > end) {
            throw file.codeFormatError("Code segment has wrong length: the exception table runs past it");
        }
        for (int i = 0; i < handlers; i++, p += 8) {
            checkHandler(file.u2(p), file.u2(p + 2), file.u2(p + 4), file.u2(p + 6));
        }
        int attributes = file.u2(p);
        p += 2;
        boolean stackMapSeen = false;
        for (int i = 0; i < attributes; i++) {
            if (p + 6 > end) {
                throw file.codeFormatError("Code segment has wrong length: attribute " + i + " runs past it");
            }
            String name = file.utf8At(file.u2(p));
            if (name == null) {
                throw file.codeFormatError("the name of attribute " + i + " of the Code attribute is not a UTF8 entry");
            }
            int length = file.s4(p + 2);
            p += 6;
            if (length < 0 || (long) p + length > end) {
                throw file.codeFormatError("Code segment has wrong length: attribute " + name + " runs past it");
            }
            switch (name) {
                case "LineNumberTable" -> checkLineNumbers(p, length);
                case "LocalVariableTable", "LocalVariableTypeTable" -> checkLocalVariables(p, length,
                        name.equals("LocalVariableTable"));
                case "StackMapTable" -> {
                    if (major >= 50) {
                        if (stackMapSeen) {
                            throw file.codeFormatError("multiple StackMapTable attributes");
                        }
                        stackMapSeen = true;
                        new StackMapTableFormat(p, length).check();
                    }
                }
                default -> {
                }
            }
            p += length;
        }
        if (p != end) {
            throw file.codeFormatError("Code segment has wrong length (" + (end - p) + " bytes left over)");
        }
    }

    private int codeByte(int pc) {
        return bytes[codeStart + pc] & 0xFF;
    }

    private int codeU2(int pc) {
        return file.u2(codeStart + pc);
    }

    private void checkInstructions() throws ClassFileException {
        instructionStarts = new boolean[codeLength + 1];
        List<int[]> branches = new ArrayList<>(); // {pc, target}
        int pc = 0;
        while (pc < codeLength) {
            instructionStarts[pc] = true;
            int length = Bytecode.length(bytes, codeStart, codeLength, pc);
            if (length == Bytecode.INVALID) {
                throw file.codeVerifyError(pc, "bad instruction: 0x" + Integer.toHexString(codeByte(pc)) + " is not an opcode");
            }
            if (length == Bytecode.TRUNCATED) {
                throw file.codeVerifyError(pc, "the instruction runs past the end of the code");
            }
            checkOperands(pc, branches);
            pc += length;
        }
        for (int[] branch : branches) {
            int target = branch[1];
            if (target < 0 || target >= codeLength || !instructionStarts[target]) {
                throw file.codeVerifyError(branch[0], "illegal target of jump or branch: " + target);
            }
        }
    }

    private void checkOperands(int pc, List<int[]> branches) throws ClassFileException {
        int opcode = codeByte(pc);
        if (opcode >= IFEQ && opcode <= JSR || opcode == IFNULL || opcode == IFNONNULL) {
            branches.add(new int[] {pc, pc + (short) codeU2(pc + 1)});
        } else if (opcode == GOTO_W || opcode == JSR_W) {
            branches.add(new int[] {pc, pc + file.s4(codeStart + pc + 1)});
        }
        if ((opcode == JSR || opcode == JSR_W || opcode == RET) && major >= 51) {
            throw file.codeVerifyError(pc, "jsr and ret are not allowed in class files of version 51 and later (JVMS §4.9.1)");
        }
        switch (opcode) {
            case LDC, LDC_W -> {
                int index = opcode == LDC ? codeByte(pc + 1) : codeU2(pc + 1);
                int tag = file.constantTag(index);
                boolean ok = tag == INTEGER || tag == FLOAT || tag == STRING || (tag == CLASS && major >= 49)
                        || tag == METHOD_TYPE || tag == METHOD_HANDLE
                        || (tag == DYNAMIC && !isWide(file.memberDescriptor(index)));
                expect(ok, pc, index);
            }
            case LDC2_W -> {
                int index = codeU2(pc + 1);
                int tag = file.constantTag(index);
                expect(tag == LONG || tag == DOUBLE || (tag == DYNAMIC && isWide(file.memberDescriptor(index))), pc, index);
            }
            case TABLESWITCH, LOOKUPSWITCH -> checkSwitch(pc, opcode, branches);
            case WIDE -> {
                int modified = codeByte(pc + 1);
                boolean loadOrStore = modified >= ILOAD && modified <= ILOAD + 4 || modified >= ISTORE && modified <= ASTORE;
                if (!loadOrStore && modified != IINC && modified != RET) {
                    throw file.codeVerifyError(pc, "bad wide instruction: wide cannot modify opcode 0x"
                            + Integer.toHexString(modified));
                }
                if (modified == RET && major >= 51) {
                    throw file.codeVerifyError(pc, "ret is not allowed in class files of version 51 and later");
                }
                checkLocal(pc, codeU2(pc + 2), isWideLocal(modified));
            }
            case GETSTATIC, GETSTATIC + 1, GETSTATIC + 2, PUTFIELD -> expect(file.constantTag(codeU2(pc + 1)) == FIELDREF, pc,
                    codeU2(pc + 1));
            case INVOKEVIRTUAL, INVOKESPECIAL, INVOKESTATIC, INVOKEINTERFACE -> checkInvoke(pc, opcode);
            case INVOKEDYNAMIC -> {
                expect(file.constantTag(codeU2(pc + 1)) == INVOKE_DYNAMIC, pc, codeU2(pc + 1));
                if (codeU2(pc + 3) != 0) {
                    throw file.codeVerifyError(pc, "the third and fourth operand bytes of invokedynamic must be zero");
                }
            }
            case NEW, ANEWARRAY, CHECKCAST, INSTANCEOF, MULTIANEWARRAY -> {
                int index = codeU2(pc + 1);
                expect(file.constantTag(index) == CLASS, pc, index);
                String type = file.className(index);
                if (opcode == NEW && type.startsWith("[")) {
                    throw file.codeVerifyError(pc, "illegal new instruction: " + type + " is an array type");
                }
                int dimensions = type.lastIndexOf('[') + 1;
                if (opcode == ANEWARRAY && dimensions >= Descriptors.MAX_ARRAY_DIMENSIONS) {
                    throw file.codeVerifyError(pc, "anewarray of " + type + " would have more than 255 dimensions");
                }
                if (opcode == MULTIANEWARRAY && (codeByte(pc + 3) == 0 || codeByte(pc + 3) > dimensions)) {
                    throw file.codeVerifyError(pc, "multianewarray of " + codeByte(pc + 3) + " dimensions of " + type);
                }
            }
            case NEWARRAY -> {
                int type = codeByte(pc + 1);
                if (type < 4 || type > 11) {
                    throw file.codeVerifyError(pc, "illegal newarray type " + type + " (JVMS §6.5 newarray: 4 to 11)");
                }
            }
            case IINC, RET -> checkLocal(pc, codeByte(pc + 1), false);
            default -> {
                if (opcode >= ILOAD && opcode <= ILOAD + 4 || opcode >= ISTORE && opcode <= ASTORE) {
                    checkLocal(pc, codeByte(pc + 1), isWideLocal(opcode));
                } else if (opcode >= ILOAD_0 && opcode <= ALOAD_3) {
                    checkLocal(pc, (opcode - ILOAD_0) % 4, isWideLocal(ILOAD + (opcode - ILOAD_0) / 4));
                } else if (opcode >= ISTORE_0 && opcode <= ASTORE_3) {
                    checkLocal(pc, (opcode - ISTORE_0) % 4, isWideLocal(ISTORE + (opcode - ISTORE_0) / 4));
                }
            }
        }
    }

    /** lload, dload, lstore, dstore: the value takes two locals. */
    private static boolean isWideLocal(int opcode) {
        return opcode == ILOAD + 1 || opcode == ILOAD + 3 || opcode == ISTORE + 1 || opcode == ISTORE + 3;
    }

    private static boolean isWide(String descriptor) {
        return descriptor.equals("J") || descriptor.equals("D");
    }

    private void checkLocal(int pc, int index, boolean wide) throws ClassFileException {
        if (index + (wide ? 1 : 0) >= maxLocals) {
            throw file.codeVerifyError(pc, "illegal local variable number " + index + " (max_locals is " + maxLocals + ")");
        }
    }

    private void expect(boolean ok, int pc, int index) throws ClassFileException {
        if (!ok) {
            throw file.codeVerifyError(pc, "illegal type at constant pool entry " + index + " for opcode 0x"
                    + Integer.toHexString(codeByte(pc)));
        }
    }

    private void checkInvoke(int pc, int opcode) throws ClassFileException {
        int index = codeU2(pc + 1);
        int tag = file.constantTag(index);
        boolean ok = switch (opcode) {
            case INVOKEVIRTUAL -> tag == METHODREF;
            case INVOKEINTERFACE -> tag == INTERFACE_METHODREF;
            default -> tag == METHODREF || (major >= 52 && tag == INTERFACE_METHODREF);
        };
        expect(ok, pc, index);
        String name = file.memberName(index);
        if (name.startsWith("<") && !(opcode == INVOKESPECIAL && name.equals("<init>"))) {
            throw file.codeVerifyError(pc, "illegal call to internal method " + name);
        }
        if (opcode == INVOKEINTERFACE) {
            int count = codeByte(pc + 3);
            if (count != Descriptors.parameterSlots(file.memberDescriptor(index)) + 1) {
                throw file.codeVerifyError(pc, "inconsistent args count operand " + count + " in invokeinterface");
            }
            if (codeByte(pc + 4) != 0) {
                throw file.codeVerifyError(pc, "fourth operand byte of invokeinterface must be zero");
            }
        }
    }

    private void checkSwitch(int pc, int opcode, List<int[]> branches) throws ClassFileException {
        int operands = codeStart + ((pc + 4) & ~3);
        branches.add(new int[] {pc, pc + file.s4(operands)});
        if (opcode == TABLESWITCH) {
            int low = file.s4(operands + 4);
            int high = file.s4(operands + 8);
            if (low > high) {
                throw file.codeVerifyError(pc, "low must be less than or equal to high in tableswitch");
            }
            for (long key = low; key <= high; key++) {
                branches.add(new int[] {pc, pc + file.s4(operands + 12 + 4 * (int) (key - low))});
            }
        } else {
            int pairs = file.s4(operands + 4);
            for (int i = 0; i < pairs; i++) {
                if (i > 0 && file.s4(operands + 8 + 8 * i) <= file.s4(operands + 8 + 8 * (i - 1))) {
                    throw file.codeVerifyError(pc, "bad lookupswitch instruction: keys are not sorted");
                }
                branches.add(new int[] {pc, pc + file.s4(operands + 12 + 8 * i)});
            }
        }
    }

    private void checkHandler(int startPc, int endPc, int handlerPc, int catchType) throws ClassFileException {
        if (startPc >= endPc || endPc > codeLength) {
            throw file.codeFormatError("illegal exception table range [" + startPc + ", " + endPc + ")");
        }
        if (handlerPc >= codeLength) {
            throw file.codeFormatError("illegal exception table handler " + handlerPc);
        }
        if (catchType != 0 && file.constantTag(catchType) != CLASS) {
            throw file.codeFormatError("the catch type of an exception table entry is constant pool entry "
                    + catchType + ", which is not a class");
        }
        if (!instructionStarts[startPc] || !instructionStarts[endPc] && endPc != codeLength || !instructionStarts[handlerPc]) {
            throw file.codeVerifyError(startPc, "the exception table entry [" + startPc + ", " + endPc + ") -> "
                    + handlerPc + " does not start, end or go to an instruction");
        }
    }

    private void checkLineNumbers(int p, int length) throws ClassFileException {
        int count = file.u2(p);
        if (2 + 4L * count != length) {
            throw file.codeFormatError("wrong LineNumberTable attribute length " + length);
        }
        for (int i = 0; i < count; i++) {
            int pc = file.u2(p + 2 + 4 * i);
            if (pc >= codeLength) {
                throw file.codeFormatError("invalid pc " + pc + " in LineNumberTable");
            }
        }
    }

    private void checkLocalVariables(int p, int length, boolean checkDescriptor) throws ClassFileException {
        int count = file.u2(p);
        if (2 + 10L * count != length) {
            throw file.codeFormatError("wrong local variable table attribute length " + length);
        }
        for (int i = 0; i < count; i++) {
            int entry = p + 2 + 10 * i;
            int startPc = file.u2(entry);
            int rangeLength = file.u2(entry + 2);
            String name = file.utf8At(file.u2(entry + 4));
            String desc = file.utf8At(file.u2(entry + 6));
            int index = file.u2(entry + 8);
            // JVMS §4.7.13: the range starts at an instruction and ends at one or at the end of the code
            if (startPc >= codeLength || !instructionStarts[startPc]) {
                throw file.codeFormatError("illegal local variable table start_pc " + startPc);
            }
            if (startPc + rangeLength > codeLength || !instructionStarts[startPc + rangeLength]
                    && startPc + rangeLength != codeLength) {
                throw file.codeFormatError("illegal local variable table length " + rangeLength);
            }
            if (name == null || desc == null || !Descriptors.isUnqualifiedName(name)
                    || (checkDescriptor && !Descriptors.isFieldDescriptor(desc))) {
                throw file.codeFormatError("illegal name or descriptor of local variable " + i);
            }
            boolean wide = checkDescriptor && isWide(desc);
            if (index + (wide ? 1 : 0) >= maxLocals) {
                throw file.codeFormatError("invalid index " + index + " in local variable table");
            }
        }
    }

    /** JVMS §4.7.4: where each frame is and how many locals and stack slots it has. */
    private final class StackMapTableFormat {
        private final int endOfTable;
        private int p;
        private final List<Integer> localSizes = new ArrayList<>();

        StackMapTableFormat(int p, int length) {
            this.p = p;
            this.endOfTable = p + length;
        }

        private int u1() throws ClassFileException {
            need(1);
            return bytes[p++] & 0xFF;
        }

        private int u2() throws ClassFileException {
            need(2);
            int value = file.u2(p);
            p += 2;
            return value;
        }

        private void need(int count) throws ClassFileException {
            if (p + count > endOfTable) {
                throw file.codeFormatError("StackMapTable runs past its attribute length");
            }
        }

        void check() throws ClassFileException {
            if (!isStatic) {
                localSizes.add(1);
            }
            for (int i = 1; descriptor.charAt(i) != ')'; ) {
                char c = descriptor.charAt(i);
                i = Descriptors.fieldTypeEnd(descriptor, i);
                localSizes.add(c == 'J' || c == 'D' ? 2 : 1);
            }
            int frames = u2();
            int offset = -1;
            for (int f = 0; f < frames; f++) {
                int type = u1();
                int delta;
                int stackWords = 0;
                if (type < 64) {
                    delta = type;
                } else if (type < 128) {
                    delta = type - 64;
                    stackWords = typeInfo();
                } else if (type < 247) {
                    throw file.codeVerifyError(Math.max(offset, 0), "StackMapTable error: reserved frame type " + type);
                } else if (type == 247) {
                    delta = u2();
                    stackWords = typeInfo();
                } else if (type < 251) {
                    delta = u2();
                    for (int k = 0; k < 251 - type; k++) {
                        if (localSizes.isEmpty()) {
                            throw file.codeVerifyError(Math.max(offset, 0), "StackMapTable error: chop frame removes"
                                    + " more locals than there are");
                        }
                        localSizes.remove(localSizes.size() - 1);
                    }
                } else if (type == 251) {
                    delta = u2();
                } else if (type < 255) {
                    delta = u2();
                    for (int k = 0; k < type - 251; k++) {
                        localSizes.add(typeInfo());
                    }
                } else {
                    delta = u2();
                    localSizes.clear();
                    int locals = u2();
                    for (int k = 0; k < locals; k++) {
                        localSizes.add(typeInfo());
                    }
                    int stack = u2();
                    for (int k = 0; k < stack; k++) {
                        stackWords += typeInfo();
                    }
                }
                offset = offset < 0 ? delta : offset + delta + 1;
                if (offset >= codeLength || !instructionStarts[offset]) {
                    throw file.codeVerifyError(offset, "StackMapTable error: bad offset " + offset);
                }
                int localWords = localSizes.stream().mapToInt(Integer::intValue).sum();
                if (localWords > maxLocals || stackWords > maxStack) {
                    throw file.codeVerifyError(offset, "StackMapTable error: frame has " + localWords + " local and "
                            + stackWords + " stack words, more than max_locals " + maxLocals + " or max_stack " + maxStack);
                }
            }
            if (p != endOfTable) {
                throw file.codeFormatError("wrong StackMapTable attribute length");
            }
        }

        /** Reads one verification_type_info; returns the words it takes. */
        private int typeInfo() throws ClassFileException {
            int tag = u1();
            switch (tag) {
                case 0, 1, 2, 5, 6 -> {
                    return 1;
                }
                case 3, 4 -> {
                    return 2;
                }
                case 7 -> {
                    int index = u2();
                    if (file.constantTag(index) != CLASS) {
                        throw file.codeVerifyError(0, "StackMapTable error: bad class index " + index);
                    }
                    return 1;
                }
                case 8 -> {
                    int at = u2();
                    if (at >= codeLength || !instructionStarts[at] || codeByte(at) != NEW) {
                        throw file.codeVerifyError(at, "StackMapTable error: uninitialized type refers to offset " + at
                                + ", which is not a new instruction");
                    }
                    return 1;
                }
                default -> throw file.codeVerifyError(0, "StackMapTable error: bad verification type tag " + tag);
            }
        }
    }
}
