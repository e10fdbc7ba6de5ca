/**
 * Administrative abbreviations read aloud in full. Longer keys are matched first, so `Sở TT&TT`
 * wins over `TT`. Keys are matched as whole tokens (no letter or digit around them).
 */
export const ABBREVIATIONS: Readonly<Record<string, string>> = {
  'Sở TT&TT': 'Sở Thông tin và Truyền thông',
  'TT&TT': 'Thông tin và Truyền thông',
  'GD&ĐT': 'Giáo dục và Đào tạo',
  'KH&CN': 'Khoa học và Công nghệ',
  'KH&ĐT': 'Kế hoạch và Đầu tư',
  'NN&PTNT': 'Nông nghiệp và Phát triển nông thôn',
  'NN&MT': 'Nông nghiệp và Môi trường',
  'TN&MT': 'Tài nguyên và Môi trường',
  'VH,TT&DL': 'Văn hóa, Thể thao và Du lịch',
  'VHTTDL': 'Văn hóa, Thể thao và Du lịch',
  'LĐ-TB&XH': 'Lao động – Thương binh và Xã hội',
  'KT-XH': 'kinh tế – xã hội',
  'UBMTTQ': 'Ủy ban Mặt trận Tổ quốc',
  'UBND': 'Ủy ban nhân dân',
  'HĐND': 'Hội đồng nhân dân',
  'MTTQ': 'Mặt trận Tổ quốc',
  'TTg': 'Thủ tướng Chính phủ',
  'QĐ': 'quyết định',
  'NQ': 'nghị quyết',
  'NĐ': 'nghị định',
  'CT': 'chỉ thị',
  'KH': 'kế hoạch',
  'TB': 'thông báo',
  'TW': 'Trung ương',
  'BCH': 'Ban Chấp hành',
  'BHXH': 'bảo hiểm xã hội',
  'BHYT': 'bảo hiểm y tế',
  'THPT': 'trung học phổ thông',
  'THCS': 'trung học cơ sở',
  'HTX': 'hợp tác xã',
  'TTHC': 'thủ tục hành chính',
  'DTTS': 'dân tộc thiểu số',
  'NTM': 'nông thôn mới',
  'CCCD': 'căn cước công dân',
  'CNTT': 'công nghệ thông tin',
  'ATTP': 'an toàn thực phẩm',
  'PCCC': 'phòng cháy chữa cháy',
  'TP.': 'thành phố',
  'TX.': 'thị xã',
  'TT.': 'thị trấn',
  'VNĐ': 'đồng',
  'VND': 'đồng',
  'OCOP': 'ô cốp',
};

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const KEYS = Object.keys(ABBREVIATIONS).sort((a, b) => b.length - a.length);
const PATTERN = new RegExp(`(?<![\\p{L}\\p{N}&])(${KEYS.map(escape).join('|')})(?![\\p{L}\\p{N}&])`, 'gu');

/** Expands the abbreviations above wherever they stand as whole tokens. */
export const expandAbbreviations = (text: string): string => text.replace(PATTERN, (key) => ABBREVIATIONS[key] ?? key);
