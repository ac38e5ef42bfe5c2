import { isRightToLeft, type Language } from '@concord/domain';
import { useId } from 'react';
import { formatNumber, LOCALES } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';
import { colorOf, type OriginColor, type ProvenanceShare } from './provenance';

/** A share as a percentage in the language's digits: "72.4 %", "٧٢٫٤٪". */
export function formatShare(share: number, language: Language): string {
  return new Intl.NumberFormat(LOCALES[language], { style: 'percent', maximumFractionDigits: 1 }).format(share);
}

const WIDTH = 640;
const LABEL_WIDTH = 230;
const VALUE_WIDTH = 70;
const ROW = 30;
const BAR = 18;
const MAX_LABEL = 30;

function shorten(text: string): string {
  return text.length <= MAX_LABEL ? text : `${text.slice(0, MAX_LABEL - 1)}…`;
}

export interface ProvenanceChartProps {
  readonly shares: readonly ProvenanceShare[];
  readonly colors: ReadonlyMap<string, OriginColor>;
  /** The name of an origin in the interface language. */
  readonly nameOf: (share: ProvenanceShare) => string;
  /** What the chart is of: "English text of A/AC.291/22/Rev.1". */
  readonly subject: string;
}

/**
 * The share of a text's characters by origin as a horizontal bar chart (SVG, mirrored in right-to-left
 * languages), in the colours of the provenance view, with the same figures as a table for those who do not
 * see the picture.
 */
export function ProvenanceChart({ shares, colors, nameOf, subject }: ProvenanceChartProps) {
  const { t, language } = useI18n();
  const titleId = useId();
  const descriptionId = useId();
  const rtl = isRightToLeft(language);
  const largest = Math.max(...shares.map((share) => share.share), 0);
  const barSpace = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
  const height = shares.length * ROW + 8;
  const description = shares.map((share) => `${nameOf(share)}: ${formatShare(share.share, language)}`).join('; ');

  if (shares.length === 0) return <p className="empty">{t('room.chartEmpty')}</p>;

  return (
    <div className="provenance-chart">
      <svg
        className="provenance-chart-svg"
        viewBox={`0 0 ${WIDTH} ${height}`}
        role="img"
        aria-labelledby={`${titleId} ${descriptionId}`}
        preserveAspectRatio="xMinYMin meet"
      >
        <title id={titleId}>{t('room.chartTitle', { subject })}</title>
        <desc id={descriptionId}>{description}</desc>
        {shares.map((share, index) => {
          const y = index * ROW + 4;
          const width = largest === 0 ? 0 : Math.max(2, (share.share / largest) * barSpace);
          const color = colorOf(colors, share.key).strong;
          const name = nameOf(share);
          const labelX = rtl ? WIDTH - LABEL_WIDTH + 8 : LABEL_WIDTH - 8;
          const barX = rtl ? WIDTH - LABEL_WIDTH - width : LABEL_WIDTH;
          const valueX = rtl ? barX - 6 : barX + width + 6;
          const textY = y + BAR / 2;
          return (
            <g key={share.key} data-origin={share.key}>
              <text
                x={labelX}
                y={textY}
                textAnchor="end"
                direction={rtl ? 'rtl' : 'ltr'}
                dominantBaseline="central"
                className="chart-label"
              >
                {shorten(name)}
              </text>
              <rect x={barX} y={y} width={width} height={BAR} rx={2} fill={color} />
              <text
                x={valueX}
                y={textY}
                textAnchor="start"
                direction={rtl ? 'rtl' : 'ltr'}
                dominantBaseline="central"
                className="chart-value"
              >
                {formatShare(share.share, language)}
              </text>
            </g>
          );
        })}
      </svg>
      <table className="provenance-table">
        <caption className="visually-hidden">{t('room.chartTitle', { subject })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('room.origin')}</th>
            <th scope="col" className="numeric">
              {t('room.characters')}
            </th>
            <th scope="col" className="numeric">
              {t('room.share')}
            </th>
          </tr>
        </thead>
        <tbody>
          {shares.map((share) => (
            <tr key={share.key} data-origin={share.key}>
              <th scope="row">
                <span
                  className="origin-swatch"
                  style={{ backgroundColor: colorOf(colors, share.key).strong }}
                  aria-hidden="true"
                />
                {nameOf(share)}
              </th>
              <td className="numeric">{formatNumber(share.characters, language)}</td>
              <td className="numeric">{formatShare(share.share, language)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
