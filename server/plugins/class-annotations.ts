/**
 * Reads the class-level annotations of a compiled Java class (JVM specification §4: the class
 * file format). Only what a rule plugin declares about itself is needed — `@RuleInfo(name = …)`,
 * `@ParamString(name = …)` and the like on the rule class — so the reader walks the constant pool,
 * skips fields and methods, and decodes the class's `RuntimeVisibleAnnotations` and
 * `RuntimeInvisibleAnnotations` attributes. Nothing is loaded or run.
 */

/** An annotation as written in source: its type and its element values. */
export type JavaAnnotation = {
  /** Binary name with dots: `com.fluentretail.rubix.rule.meta.RuleInfo`. */
  type: string;
  values: Record<string, AnnotationValue>;
};

export type AnnotationValue = string | number | boolean | bigint | { enum: string; constant: string } | { class: string } | JavaAnnotation | AnnotationValue[];

export type ClassAnnotations = { className: string; annotations: JavaAnnotation[] };

export class ClassFileError extends Error {}

const MAGIC = 0xcafebabe;

type PoolEntry = { tag: number; text?: string; number?: number | bigint; index?: number };

/** @throws ClassFileError when the bytes are not a class file this reader understands */
export function readClassAnnotations(bytes: Uint8Array): ClassAnnotations {
  const r = new Reader(bytes);
  if (r.u4() !== MAGIC) throw new ClassFileError('not a class file (bad magic number)');
  r.skip(4); // minor_version, major_version
  const pool = readPool(r);
  r.skip(2); // access_flags
  const thisClass = pool[r.u2()];
  const className = utf8At(pool, thisClass?.index).replaceAll('/', '.');
  r.skip(2); // super_class
  r.skip(2 * r.u2()); // interfaces
  for (let members = 0; members < 2; members += 1) {
    // fields, then methods: access, name, descriptor, attributes
    const count = r.u2();
    for (let i = 0; i < count; i += 1) {
      r.skip(6);
      skipAttributes(r);
    }
  }
  const annotations: JavaAnnotation[] = [];
  const attributes = r.u2();
  for (let i = 0; i < attributes; i += 1) {
    const name = utf8At(pool, r.u2());
    const length = r.u4();
    const end = r.offset + length;
    if (name === 'RuntimeVisibleAnnotations' || name === 'RuntimeInvisibleAnnotations') {
      const count = r.u2();
      for (let a = 0; a < count; a += 1) annotations.push(readAnnotation(r, pool));
    }
    r.offset = end;
  }
  return { className, annotations };
}

function readPool(r: Reader): PoolEntry[] {
  const count = r.u2();
  const pool: PoolEntry[] = [];
  for (let i = 1; i < count; i += 1) {
    const tag = r.u1();
    switch (tag) {
      case 1: // Utf8
        pool[i] = { tag, text: r.modifiedUtf8(r.u2()) };
        break;
      case 3: // Integer
        pool[i] = { tag, number: r.i4() };
        break;
      case 4: // Float
        pool[i] = { tag, number: r.f4() };
        break;
      case 5: // Long: takes two slots
        pool[i] = { tag, number: r.i8() };
        i += 1;
        break;
      case 6: // Double: takes two slots
        pool[i] = { tag, number: r.f8() };
        i += 1;
        break;
      case 7: // Class
      case 8: // String
      case 16: // MethodType
      case 19: // Module
      case 20: // Package
        pool[i] = { tag, index: r.u2() };
        break;
      case 9: // Fieldref
      case 10: // Methodref
      case 11: // InterfaceMethodref
      case 12: // NameAndType
      case 17: // Dynamic
      case 18: // InvokeDynamic
        r.skip(4);
        pool[i] = { tag };
        break;
      case 15: // MethodHandle
        r.skip(3);
        pool[i] = { tag };
        break;
      default:
        throw new ClassFileError(`unknown constant pool tag ${tag} at entry ${i}`);
    }
  }
  return pool;
}

function skipAttributes(r: Reader): void {
  const count = r.u2();
  for (let i = 0; i < count; i += 1) {
    r.skip(2);
    r.skip(r.u4());
  }
}

function readAnnotation(r: Reader, pool: PoolEntry[]): JavaAnnotation {
  const type = descriptorToName(utf8At(pool, r.u2()));
  const values: Record<string, AnnotationValue> = {};
  const pairs = r.u2();
  for (let i = 0; i < pairs; i += 1) {
    const name = utf8At(pool, r.u2());
    values[name] = readElementValue(r, pool);
  }
  return { type, values };
}

function readElementValue(r: Reader, pool: PoolEntry[]): AnnotationValue {
  const tag = String.fromCharCode(r.u1());
  switch (tag) {
    case 's':
      return utf8At(pool, r.u2());
    case 'Z':
      return constantAt(pool, r.u2()) !== 0;
    case 'C':
      return String.fromCharCode(Number(constantAt(pool, r.u2())));
    case 'B':
    case 'S':
    case 'I':
    case 'F':
    case 'D':
    case 'J':
      return constantAt(pool, r.u2());
    case 'e': {
      const enumType = descriptorToName(utf8At(pool, r.u2()));
      return { enum: enumType, constant: utf8At(pool, r.u2()) };
    }
    case 'c':
      return { class: utf8At(pool, r.u2()) };
    case '@':
      return readAnnotation(r, pool);
    case '[': {
      const count = r.u2();
      const out: AnnotationValue[] = [];
      for (let i = 0; i < count; i += 1) out.push(readElementValue(r, pool));
      return out;
    }
    default:
      throw new ClassFileError(`unknown annotation element tag "${tag}"`);
  }
}

function utf8At(pool: PoolEntry[], index: number | undefined): string {
  const entry = index === undefined ? undefined : pool[index];
  if (entry?.tag !== 1 || entry.text === undefined) throw new ClassFileError(`constant pool entry ${index} is not a UTF-8 string`);
  return entry.text;
}

function constantAt(pool: PoolEntry[], index: number): number | bigint {
  const value = pool[index]?.number;
  if (value === undefined) throw new ClassFileError(`constant pool entry ${index} is not a number`);
  return value;
}

/** `Lcom/acme/RuleInfo;` → `com.acme.RuleInfo`. */
function descriptorToName(descriptor: string): string {
  return descriptor.startsWith('L') && descriptor.endsWith(';') ? descriptor.slice(1, -1).replaceAll('/', '.') : descriptor;
}

/** Big-endian reads over the class file, with bounds checks that turn truncation into a ClassFileError. */
class Reader {
  offset = 0;
  private readonly view: DataView;
  constructor(private readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  private need(n: number): number {
    const at = this.offset;
    if (at + n > this.bytes.length) throw new ClassFileError('class file is truncated');
    this.offset += n;
    return at;
  }
  skip(n: number): void {
    this.need(n);
  }
  u1(): number {
    return this.view.getUint8(this.need(1));
  }
  u2(): number {
    return this.view.getUint16(this.need(2));
  }
  u4(): number {
    return this.view.getUint32(this.need(4));
  }
  i4(): number {
    return this.view.getInt32(this.need(4));
  }
  f4(): number {
    return this.view.getFloat32(this.need(4));
  }
  i8(): bigint {
    return this.view.getBigInt64(this.need(8));
  }
  f8(): number {
    return this.view.getFloat64(this.need(8));
  }
  /** The JVM's modified UTF-8: NUL as two bytes and supplementary characters as surrogate pairs. */
  modifiedUtf8(length: number): string {
    const start = this.need(length);
    let out = '';
    for (let i = start; i < start + length; ) {
      const a = this.bytes[i]!;
      if (a < 0x80) {
        out += String.fromCharCode(a);
        i += 1;
      } else if ((a & 0xe0) === 0xc0) {
        out += String.fromCharCode(((a & 0x1f) << 6) | (this.bytes[i + 1]! & 0x3f));
        i += 2;
      } else {
        out += String.fromCharCode(((a & 0x0f) << 12) | ((this.bytes[i + 1]! & 0x3f) << 6) | (this.bytes[i + 2]! & 0x3f));
        i += 3;
      }
    }
    return out;
  }
}
