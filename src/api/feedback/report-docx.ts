import {
  AlignmentType,
  BorderStyle,
  convertMillimetersToTwip,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type ITableCellBorders,
} from 'docx';
import { DISPOSITIONS, FEEDBACK_CATEGORIES, SUBMITTER_TYPES, type ConsultationReport } from '../../common/feedback';
import { CATEGORY_LABELS, DISPOSITION_LABELS, SUBMITTER_LABELS, vietnameseDate } from './report';

/** Decree 30/2020: Times New Roman, body 13–14pt (docx sizes are half-points). */
const FONT = 'Times New Roman';
const BODY = 28;
const TABLE_TEXT = 24;

/** The header columns of the table (the CSV uses the same). */
export const REPORT_HEADERS = ['Số TT', 'Cơ quan, tổ chức, cá nhân góp ý', 'Nội dung góp ý', 'Điều, khoản', 'Kết quả', 'Giải trình, tiếp thu'] as const;
const COLUMN_WIDTHS = [7, 17, 32, 11, 11, 22];

const NO_BORDERS: ITableCellBorders = {
  top: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  bottom: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  left: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  right: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
};

const text = (value: string, options: { bold?: boolean; italics?: boolean; size?: number } = {}) =>
  new TextRun({ text: value, font: FONT, size: options.size ?? BODY, bold: options.bold, italics: options.italics });

const line = (value: string, options: { bold?: boolean; italics?: boolean; size?: number; align?: (typeof AlignmentType)[keyof typeof AlignmentType] } = {}) =>
  new Paragraph({ alignment: options.align ?? AlignmentType.CENTER, children: [text(value, options)] });

const body = (value: string, options: { bold?: boolean } = {}) =>
  new Paragraph({ alignment: AlignmentType.JUSTIFIED, spacing: { before: 60, after: 60 }, indent: { firstLine: convertMillimetersToTwip(10) }, children: [text(value, options)] });

/** The two-column block above the title: issuing agency on the left, the national motto on the right. */
const header = (agency: string | null) =>
  new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: { ...NO_BORDERS, insideHorizontal: NO_BORDERS.top, insideVertical: NO_BORDERS.top },
    rows: [
      new TableRow({
        children: [
          new TableCell({
            width: { size: 40, type: WidthType.PERCENTAGE },
            borders: NO_BORDERS,
            children: [line((agency ?? 'CƠ QUAN CHỦ TRÌ SOẠN THẢO').toLocaleUpperCase('vi'), { bold: true, size: 26 }), line('_______', { bold: true, size: 26 })],
          }),
          new TableCell({
            width: { size: 60, type: WidthType.PERCENTAGE },
            borders: NO_BORDERS,
            children: [
              line('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, size: 26 }),
              line('Độc lập - Tự do - Hạnh phúc', { bold: true, size: 28 }),
              line('_______________________', { bold: true, size: 26 }),
            ],
          }),
        ],
      }),
    ],
  });

const cell = (value: string, width: number, options: { bold?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType] } = {}) =>
  new TableCell({
    width: { size: width, type: WidthType.PERCENTAGE },
    verticalAlign: VerticalAlign.TOP,
    // An explanation's own line breaks stay line breaks in the cell.
    children: [
      new Paragraph({
        alignment: options.align ?? AlignmentType.LEFT,
        children: value.split(/\r?\n/).map((part, index) => new TextRun({ text: part, font: FONT, size: TABLE_TEXT, bold: options.bold, break: index > 0 ? 1 : undefined })),
      }),
    ],
  });

const table = (report: ConsultationReport) =>
  new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({
        tableHeader: true,
        children: REPORT_HEADERS.map((title, index) => cell(title, COLUMN_WIDTHS[index], { bold: true, align: AlignmentType.CENTER })),
      }),
      ...report.rows.map(
        (row) =>
          new TableRow({
            cantSplit: false,
            children: [
              cell(String(row.number), COLUMN_WIDTHS[0], { align: AlignmentType.CENTER }),
              cell(row.who, COLUMN_WIDTHS[1]),
              cell(row.summary, COLUMN_WIDTHS[2]),
              cell(row.provision, COLUMN_WIDTHS[3]),
              cell(row.dispositionLabel, COLUMN_WIDTHS[4]),
              cell(row.explanation, COLUMN_WIDTHS[5]),
            ],
          }),
      ),
    ],
  });

/** "Góp ý: 3; Kiến nghị: 1" with only the non-zero entries (or "không có"). */
const tally = <K extends string>(keys: readonly K[], counts: Record<K, number>, labels: Record<string, string>) => {
  const parts = keys.filter((key) => counts[key] > 0).map((key) => `${labels[key]}: ${counts[key]}`);
  return parts.length > 0 ? parts.join('; ') : 'không có';
};

/**
 * The report on how a draft's feedback was taken in as a Word document, laid out as Decree
 * 30/2020 lays out administrative documents: A4, margins 20/20/30/15 mm, Times New Roman.
 */
export const reportDocx = async (report: ConsultationReport, { place, now }: { place: string; now: Date }): Promise<Buffer> => {
  const { counts } = report;
  const document = new Document({
    creator: report.agency ?? 'CMS',
    title: `Báo cáo tổng hợp, tiếp thu, giải trình: ${report.draft.title}`,
    styles: { default: { document: { run: { font: FONT, size: BODY } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: convertMillimetersToTwip(210), height: convertMillimetersToTwip(297) },
            margin: { top: convertMillimetersToTwip(20), bottom: convertMillimetersToTwip(20), left: convertMillimetersToTwip(30), right: convertMillimetersToTwip(15) },
          },
        },
        children: [
          header(report.agency),
          line(`${place}, ${vietnameseDate(now)}`, { italics: true, align: AlignmentType.RIGHT }),
          new Paragraph({ spacing: { before: 240 }, alignment: AlignmentType.CENTER, children: [text('BÁO CÁO', { bold: true })] }),
          line('Tổng hợp, tiếp thu, giải trình ý kiến góp ý', { bold: true }),
          line(`đối với dự thảo ${report.draft.title}`, { bold: true }),
          line('_______', { bold: true }),
          body('I. TÌNH HÌNH LẤY Ý KIẾN', { bold: true }),
          body(`Tổng số ý kiến góp ý nhận được: ${counts.received}.`),
          body(`Theo loại ý kiến: ${tally(FEEDBACK_CATEGORIES, counts.byCategory, CATEGORY_LABELS)}.`),
          body(`Theo đối tượng góp ý: ${tally(SUBMITTER_TYPES, counts.bySubmitterType, SUBMITTER_LABELS)}.`),
          body(`Theo kết quả tiếp thu, giải trình: ${tally([...DISPOSITIONS, 'none'] as const, counts.byDisposition, DISPOSITION_LABELS)}.`),
          body('II. TỔNG HỢP, TIẾP THU, GIẢI TRÌNH Ý KIẾN GÓP Ý', { bold: true }),
          table(report),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
};
