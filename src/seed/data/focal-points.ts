import { AGENCIES, AGENCIES_WITHOUT_FOCAL_POINT } from './agencies';

export type SeedFocalPoint = {
  key: string;
  fullName: string;
  position: string;
  role: 'leader-in-charge' | 'focal-point';
  assignment: 'dedicated' | 'concurrent';
  agency: string;
  email: string;
  phone: string;
  appointedAt: string;
};

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Giàng', 'Lò', 'Sùng', 'Vàng', 'Lý', 'Hà'];
const MIDDLE = ['Văn', 'Thị', 'Minh', 'Thu', 'Đức', 'Hồng', 'Quang', 'Thanh', 'A', 'Seo'];
const GIVEN = ['An', 'Bình', 'Chiến', 'Dung', 'Giang', 'Hà', 'Hải', 'Hạnh', 'Hùng', 'Lan', 'Long', 'Mai', 'Nam', 'Ngọc', 'Phong', 'Phương', 'Quân', 'Sơn', 'Thảo', 'Tuấn', 'Vân', 'Xuân', 'Páo', 'Chứ', 'Dính'];

const ascii = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();

const nameAt = (index: number) =>
  `${FAMILY[index % FAMILY.length]} ${MIDDLE[(index * 3) % MIDDLE.length]} ${GIVEN[(index * 7) % GIVEN.length]}`;

/**
 * One leader in charge and one focal point per covered agency (a few agencies have only the leader,
 * so "has a focal point" and "has a leader" differ in the KPIs); deterministic, so reseeding is a no-op.
 */
export const FOCAL_POINTS: SeedFocalPoint[] = AGENCIES.filter(
  (agency) => !AGENCIES_WITHOUT_FOCAL_POINT.includes(agency.code),
).flatMap((agency, agencyIndex) => {
  const people: SeedFocalPoint[] = [];
  const leaderName = nameAt(agencyIndex * 2);
  people.push({
    key: `${agency.code}-leader`,
    fullName: leaderName,
    position: agency.kind === 'district-committee' || agency.kind === 'commune-committee' ? 'Phó Chủ tịch' : 'Phó Giám đốc',
    role: 'leader-in-charge',
    assignment: 'concurrent',
    agency: agency.code,
    email: `${ascii(leaderName).replace(/\s+/g, '.')}.${agency.code.toLowerCase()}@laocai.gov.vn`,
    phone: `0912${String(100000 + agencyIndex * 2).slice(-6)}`,
    appointedAt: `2023-0${(agencyIndex % 9) + 1}-15`,
  });
  if (agencyIndex % 7 !== 6) {
    const focalName = nameAt(agencyIndex * 2 + 1);
    people.push({
      key: `${agency.code}-focal`,
      fullName: focalName,
      position: agency.kind === 'press-agency' ? 'Phóng viên' : 'Chuyên viên',
      role: 'focal-point',
      assignment: agencyIndex % 3 === 0 ? 'dedicated' : 'concurrent',
      agency: agency.code,
      email: `${ascii(focalName).replace(/\s+/g, '.')}.${agency.code.toLowerCase()}@laocai.gov.vn`,
      phone: `+8498${String(2000000 + agencyIndex * 2 + 1)}`,
      appointedAt: `2023-${String((agencyIndex % 12) + 1).padStart(2, '0')}-01`,
    });
  }
  return people;
});
