import { describe, expect, it } from 'vitest';
import {
  abjad,
  arabicOrdinal,
  chineseNumeral,
  cyrillicLetters,
  fromArabicIndic,
  latinLetters,
  parseChineseNumeral,
  parseRoman,
  roman,
  toArabicIndic,
} from './numerals';

describe(latinLetters.name, () => {
  it.each([
    [1, 'a'],
    [2, 'b'],
    [26, 'z'],
    [27, 'aa'],
    [28, 'bb'],
    [52, 'zz'],
    [53, 'aaa'],
  ])('gives the %i-th enumeration letter as %s', (n, expected) => {
    expect(latinLetters(n)).toBe(expected);
  });

  it.each([0, -1, 1.5, Number.NaN])('rejects %s', (n) => {
    expect(() => latinLetters(n)).toThrow(RangeError);
  });
});

describe(cyrillicLetters.name, () => {
  it.each([
    [1, 'а'],
    [2, 'б'],
    [3, 'в'],
    [6, 'е'],
    [7, 'ж'],
    [9, 'и'],
    [10, 'к'],
    [27, 'ю'],
    [28, 'я'],
    [29, 'аа'],
  ])('gives the %i-th Russian enumeration letter as %s, skipping ё й ъ ы ь', (n, expected) => {
    expect(cyrillicLetters(n)).toBe(expected);
  });
});

describe(abjad.name, () => {
  it.each([
    [1, 'أ'],
    [2, 'ب'],
    [3, 'ج'],
    [4, 'د'],
    [5, 'هـ'],
    [6, 'و'],
    [10, 'ي'],
    [15, 'س'],
    [20, 'ر'],
    [27, 'ظ'],
    [28, 'غ'],
    [29, 'أأ'],
    [30, 'بب'],
    [57, 'أأأ'],
  ])('gives the %i-th letter in abjad order as %s', (n, expected) => {
    expect(abjad(n)).toBe(expected);
  });

  it('lists the 28 letters in the order of UN Arabic texts', () => {
    const letters = Array.from({ length: 28 }, (_, i) => abjad(i + 1)).join(' ');
    expect(letters).toBe('أ ب ج د هـ و ز ح ط ي ك ل م ن س ع ف ص ق ر ش ت ث خ ذ ض ظ غ');
  });
});

describe(roman.name, () => {
  it.each([
    [1, 'I'],
    [4, 'IV'],
    [9, 'IX'],
    [14, 'XIV'],
    [40, 'XL'],
    [90, 'XC'],
    [400, 'CD'],
    [1999, 'MCMXCIX'],
    [3999, 'MMMCMXCIX'],
  ])('writes %i as %s', (n, expected) => {
    expect(roman(n)).toBe(expected);
  });

  it.each([0, 4000])('rejects %i', (n) => {
    expect(() => roman(n)).toThrow(RangeError);
  });
});

describe(parseRoman.name, () => {
  it.each([
    ['I', 1],
    ['iv', 4],
    ['XIV', 14],
    ['mcmxcix', 1999],
    ['IIII', null],
    ['abc', null],
    ['', null],
  ])('reads %s as %s', (numeral, expected) => {
    expect(parseRoman(numeral)).toBe(expected);
  });
});

describe(toArabicIndic.name, () => {
  it.each([
    [0, '٠'],
    [7, '٧'],
    [2024, '٢٠٢٤'],
    ['A/RES/74/247', 'A/RES/٧٤/٢٤٧'],
  ])('writes %s as %s', (n, expected) => {
    expect(toArabicIndic(n)).toBe(expected);
  });
});

describe(fromArabicIndic.name, () => {
  it.each([
    ['٢٠٢٤', '2024'],
    ['المادة ٧', 'المادة 7'],
    ['۱۲', '12'],
  ])('reads %s as %s', (text, expected) => {
    expect(fromArabicIndic(text)).toBe(expected);
  });
});

describe(chineseNumeral.name, () => {
  it.each([
    [0, '零'],
    [1, '一'],
    [7, '七'],
    [10, '十'],
    [11, '十一'],
    [15, '十五'],
    [20, '二十'],
    [21, '二十一'],
    [99, '九十九'],
    [100, '一百'],
    [101, '一百零一'],
    [110, '一百一十'],
    [1000, '一千'],
    [1001, '一千零一'],
    [1010, '一千零一十'],
    [10_000, '一万'],
    [10_010, '一万零一十'],
    [100_000, '十万'],
  ])('writes %i as %s', (n, expected) => {
    expect(chineseNumeral(n)).toBe(expected);
  });
});

describe(parseChineseNumeral.name, () => {
  it.each([1, 7, 10, 11, 21, 99, 100, 101, 110, 1001, 10_010, 100_000])('reads back chineseNumeral(%i)', (n) => {
    expect(parseChineseNumeral(chineseNumeral(n))).toBe(n);
  });

  it('rejects text that is not a Chinese numeral', () => {
    expect(parseChineseNumeral('条')).toBeNull();
  });
});

describe(arabicOrdinal.name, () => {
  it.each([
    [1, 'الأول'],
    [2, 'الثاني'],
    [3, 'الثالث'],
    [8, 'الثامن'],
    [10, 'العاشر'],
    [11, 'الحادي عشر'],
    [12, 'الثاني عشر'],
    [19, 'التاسع عشر'],
    [20, 'العشرون'],
    [21, 'الحادي والعشرون'],
    [35, 'الخامس والثلاثون'],
    [99, 'التاسع والتسعون'],
    [100, null],
  ])('writes %i as %s', (n, expected) => {
    expect(arabicOrdinal(n)).toBe(expected);
  });
});
