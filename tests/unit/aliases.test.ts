import { describe, expect, it } from 'vitest';
import { expandAliases, russianCaseForms } from '../../src/core/aliases';
import { stem } from '../../src/core/tokens';

describe('russianCaseForms', () => {
  it('declines every word of a name in the same case', () => {
    expect(russianCaseForms('Юрий Ушаков')).toContain('Юрия Ушакова');
    expect(russianCaseForms('Си Цзиньпин')).toContain('Си Цзиньпином');
    expect(russianCaseForms('Москва')).toEqual(expect.arrayContaining(['Москвы', 'Москве', 'Москву', 'Москвой']));
    expect(russianCaseForms('Россия')).toEqual(['России', 'Россию', 'Россией']);
    expect(russianCaseForms('Китай')).toEqual(expect.arrayContaining(['Китая', 'Китае']));
  });

  it('leaves indeclinable names, adjectives and other scripts alone', () => {
    expect(russianCaseForms('НАТО')).toEqual([]);
    expect(russianCaseForms('Олимпийские игры')).toEqual([]);
    expect(russianCaseForms('Putin')).toEqual([]);
  });

  it('covers the forms the stemmer takes apart', () => {
    // The stemmer alone: "Ушаков" and "Ушакова" have different stems.
    expect(stem('ушаков')).not.toBe(stem('ушакова'));
    const keys = new Set(['Ушаков', ...russianCaseForms('Ушаков')].map((f) => stem(f.toLowerCase())));
    for (const form of ['ушаков', 'ушакова', 'ушакову', 'ушаковым', 'ушакове']) expect(keys).toContain(stem(form));
  });
});

describe('expandAliases', () => {
  it('adds the case forms of Russian names to an entity', () => {
    const forms = expandAliases({ id: 'person:yuri-ushakov', category: 'person', aliases: ['Ушаков'] } as never);
    expect(forms.map((f) => f.text)).toEqual(expect.arrayContaining(['Ушаков', 'Ушакова', 'Ушаковым']));
  });
});
