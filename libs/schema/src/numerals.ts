/**
 * Enumeration systems of the six official languages: Latin and Cyrillic letter sequences, Arabic abjad order,
 * Roman numerals, Arabic-Indic digits, Chinese numerals and Arabic ordinal words. Each takes a positive
 * integer (1 is the first item) and throws a `RangeError` outside its domain.
 */

const LATIN = 'abcdefghijklmnopqrstuvwxyz';

/**
 * Russian enumeration letters, in alphabetical order without ё, й, ъ, ы and ь, which Russian drafting does not
 * use to enumerate (they could be misread or cannot begin a word).
 */
const CYRILLIC = ['а', 'б', 'в', 'г', 'д', 'е', 'ж', 'з', 'и', 'к', 'л', 'м', 'н', 'о', 'п', 'р', 'с', 'т', 'у', 'ф', 'х', 'ц', 'ч', 'ш', 'щ', 'э', 'ю', 'я'];

/** The 28 letters in abjad order (أبجد هوز حطي كلمن سعفص قرشت ثخذ ضظغ), as UN Arabic texts enumerate. */
const ABJAD = ['أ', 'ب', 'ج', 'د', 'هـ', 'و', 'ز', 'ح', 'ط', 'ي', 'ك', 'ل', 'م', 'ن', 'س', 'ع', 'ف', 'ص', 'ق', 'ر', 'ش', 'ت', 'ث', 'خ', 'ذ', 'ض', 'ظ', 'غ'];

const ARABIC_INDIC_DIGITS = '٠١٢٣٤٥٦٧٨٩';
const CHINESE_DIGITS = '零一二三四五六七八九';

function checkPositive(n: number, what: string, max = Number.MAX_SAFE_INTEGER): void {
  if (!Number.isInteger(n) || n < 1 || n > max) {
    throw new RangeError(`${what} needs an integer from 1 to ${max}, got ${n}`);
  }
}

/** The n-th item of a letter sequence, doubling, tripling … the letter after the alphabet runs out. */
function letterSequence(letters: readonly string[], n: number, what: string): string {
  checkPositive(n, what);
  const letter = letters[(n - 1) % letters.length] ?? '';
  return letter.repeat(Math.floor((n - 1) / letters.length) + 1);
}

/** Latin enumeration letters: 1 → `a`, 26 → `z`, 27 → `aa`, 28 → `bb`, 53 → `aaa`. */
export function latinLetters(n: number): string {
  return letterSequence([...LATIN], n, 'latinLetters');
}

/** Russian enumeration letters: 1 → `а`, 2 → `б`, 9 → `и`, 10 → `к` (й is skipped), 29 → `аа`. */
export function cyrillicLetters(n: number): string {
  return letterSequence(CYRILLIC, n, 'cyrillicLetters');
}

/** Arabic letters in abjad order: 1 → `أ`, 5 → `هـ`, 28 → `غ`, 29 → `أأ` (then doubled letters). */
export function abjad(n: number): string {
  return letterSequence(ABJAD, n, 'abjad');
}

const ROMAN: readonly (readonly [number, string])[] = [
  [1000, 'M'],
  [900, 'CM'],
  [500, 'D'],
  [400, 'CD'],
  [100, 'C'],
  [90, 'XC'],
  [50, 'L'],
  [40, 'XL'],
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
];

/** Upper-case Roman numerals from 1 to 3999: 4 → `IV`, 14 → `XIV`, 1999 → `MCMXCIX`. */
export function roman(n: number): string {
  checkPositive(n, 'roman', 3999);
  let rest = n;
  let result = '';
  for (const [value, symbol] of ROMAN) {
    while (rest >= value) {
      result += symbol;
      rest -= value;
    }
  }
  return result;
}

/** The value of a Roman numeral in either case (`xiv` → 14), or `null` if it is not one in canonical form. */
export function parseRoman(numeral: string): number | null {
  const upper = numeral.toUpperCase();
  if (!/^[MDCLXVI]+$/.test(upper)) return null;
  let value = 0;
  let rest = upper;
  for (const [amount, symbol] of ROMAN) {
    while (rest.startsWith(symbol)) {
      value += amount;
      rest = rest.slice(symbol.length);
    }
  }
  return rest === '' && value <= 3999 && roman(value) === upper ? value : null;
}

/** Writes the Western digits of a number or string in Arabic-Indic digits: 2024 → `٢٠٢٤`. */
export function toArabicIndic(n: number | string): string {
  return String(n).replace(/[0-9]/g, (digit) => ARABIC_INDIC_DIGITS[Number(digit)] ?? digit);
}

/** Replaces Arabic-Indic (and Eastern Arabic-Indic) digits by Western digits: `٢٠٢٤` → `2024`. */
export function fromArabicIndic(text: string): string {
  return text.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (digit) => String((digit.codePointAt(0) ?? 0) % 16));
}

/** Chinese numerals for 1 ≤ n < 10,000, with 零 for inner zeros. */
function chineseSection(n: number): string {
  const units = ['千', '百', '十', ''];
  const digits = String(n).padStart(4, '0');
  let result = '';
  let zero = false;
  for (let i = 0; i < 4; i++) {
    const digit = Number(digits[i]);
    if (digit === 0) {
      zero = result !== '';
      continue;
    }
    if (zero) result += '零';
    zero = false;
    result += (CHINESE_DIGITS[digit] ?? '') + units[i];
  }
  return result;
}

/**
 * Chinese numerals for 0 ≤ n < 100,000,000: 7 → `七`, 10 → `十`, 15 → `十五`, 21 → `二十一`, 101 → `一百零一`,
 * 10,010 → `一万零一十`. Used for "第七条" and "第一章".
 */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= 100_000_000) {
    throw new RangeError(`chineseNumeral needs an integer from 0 to 99999999, got ${n}`);
  }
  if (n === 0) return CHINESE_DIGITS[0] ?? '';
  const high = Math.floor(n / 10_000);
  const low = n % 10_000;
  let result = high > 0 ? `${chineseSection(high)}万` : '';
  if (low > 0) result += (high > 0 && low < 1000 ? '零' : '') + chineseSection(low);
  // 10–19 are read 十, 十一 … not 一十, 一十一 when they lead the number.
  return result.startsWith('一十') ? result.slice(1) : result;
}

/** The value of a Chinese numeral (`二十一` → 21, `第`/`条` not included), or `null` if it is not one. */
export function parseChineseNumeral(numeral: string): number | null {
  if (!/^[零〇一二两三四五六七八九十百千万]+$/.test(numeral)) return null;
  const digit = (char: string): number => (char === '两' ? 2 : char === '〇' ? 0 : CHINESE_DIGITS.indexOf(char));
  const unit: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
  let total = 0;
  let section = 0;
  let current = -1;
  for (const char of numeral) {
    if (char === '万') {
      total += (section + Math.max(current, 0)) * 10_000;
      section = 0;
      current = -1;
    } else if (char in unit) {
      section += (current < 0 ? 1 : current) * (unit[char] ?? 1);
      current = -1;
    } else {
      current = digit(char);
    }
  }
  return total + section + Math.max(current, 0);
}

const ARABIC_ORDINAL_UNITS = ['الأول', 'الثاني', 'الثالث', 'الرابع', 'الخامس', 'السادس', 'السابع', 'الثامن', 'التاسع'];
const ARABIC_ORDINAL_TENS = ['العاشر', 'العشرون', 'الثلاثون', 'الأربعون', 'الخمسون', 'الستون', 'السبعون', 'الثمانون', 'التسعون'];

/**
 * The masculine Arabic ordinal word for 1 ≤ n ≤ 99, as in "الفصل الأول" (Chapter I), "الفصل الحادي عشر"
 * (Chapter XI), "الفصل الحادي والعشرون" (Chapter XXI); `null` beyond 99.
 */
export function arabicOrdinal(n: number): string | null {
  checkPositive(n, 'arabicOrdinal');
  if (n > 99) return null;
  const tens = Math.floor(n / 10);
  const units = n % 10;
  if (tens === 0) return ARABIC_ORDINAL_UNITS[units - 1] ?? null;
  // In compounds, "first" is الحادي, not الأول.
  const unitWord = units === 1 ? 'الحادي' : (ARABIC_ORDINAL_UNITS[units - 1] ?? '');
  if (tens === 1) return units === 0 ? 'العاشر' : `${unitWord} عشر`;
  const tensWord = ARABIC_ORDINAL_TENS[tens - 1] ?? '';
  return units === 0 ? tensWord : `${unitWord} و${tensWord}`;
}
