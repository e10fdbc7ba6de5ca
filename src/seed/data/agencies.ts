export type SeedAgency = {
  code: string;
  name: string;
  nameEn: string;
  kind:
    | 'department'
    | 'branch'
    | 'sector'
    | 'mass-organization'
    | 'district-committee'
    | 'commune-committee'
    | 'press-agency'
    | 'other';
  parent?: string;
};

/** Provincial bodies and local committees of a province modelled on Lao Cai. */
export const AGENCIES: SeedAgency[] = [
  { code: 'VP-UBND', name: 'Văn phòng Ủy ban nhân dân tỉnh', nameEn: 'Office of the Provincial People’s Committee', kind: 'department' },
  { code: 'SO-VHTTDL', name: 'Sở Văn hóa, Thể thao và Du lịch', nameEn: 'Department of Culture, Sports and Tourism', kind: 'department' },
  { code: 'SO-TP', name: 'Sở Tư pháp', nameEn: 'Department of Justice', kind: 'department' },
  { code: 'SO-TC', name: 'Sở Tài chính', nameEn: 'Department of Finance', kind: 'department' },
  { code: 'SO-NNMT', name: 'Sở Nông nghiệp và Môi trường', nameEn: 'Department of Agriculture and Environment', kind: 'department' },
  { code: 'SO-XD', name: 'Sở Xây dựng', nameEn: 'Department of Construction', kind: 'department' },
  { code: 'SO-YT', name: 'Sở Y tế', nameEn: 'Department of Health', kind: 'department' },
  { code: 'SO-GDDT', name: 'Sở Giáo dục và Đào tạo', nameEn: 'Department of Education and Training', kind: 'department' },
  { code: 'SO-CT', name: 'Sở Công Thương', nameEn: 'Department of Industry and Trade', kind: 'department' },
  { code: 'SO-KHCN', name: 'Sở Khoa học và Công nghệ', nameEn: 'Department of Science and Technology', kind: 'department' },
  { code: 'SO-NV', name: 'Sở Nội vụ', nameEn: 'Department of Home Affairs', kind: 'department' },
  { code: 'SO-DTTG', name: 'Sở Dân tộc và Tôn giáo', nameEn: 'Department of Ethnic Minorities and Religions', kind: 'department' },
  { code: 'THANH-TRA', name: 'Thanh tra tỉnh', nameEn: 'Provincial Inspectorate', kind: 'branch' },
  { code: 'BQL-KKT', name: 'Ban Quản lý Khu kinh tế tỉnh', nameEn: 'Economic Zone Management Board', kind: 'branch' },
  { code: 'CONG-AN', name: 'Công an tỉnh', nameEn: 'Provincial Police', kind: 'sector' },
  { code: 'BHXH', name: 'Bảo hiểm xã hội tỉnh', nameEn: 'Provincial Social Insurance', kind: 'sector' },
  { code: 'MTTQ', name: 'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh', nameEn: 'Provincial Vietnam Fatherland Front Committee', kind: 'mass-organization' },
  { code: 'HOI-ND', name: 'Hội Nông dân tỉnh', nameEn: 'Provincial Farmers’ Union', kind: 'mass-organization' },
  { code: 'HOI-LHPN', name: 'Hội Liên hiệp Phụ nữ tỉnh', nameEn: 'Provincial Women’s Union', kind: 'mass-organization' },
  { code: 'TINH-DOAN', name: 'Tỉnh đoàn', nameEn: 'Provincial Youth Union', kind: 'mass-organization' },
  { code: 'BAO-LC', name: 'Báo Lào Cai', nameEn: 'Lao Cai Newspaper', kind: 'press-agency' },
  { code: 'DAI-PTTH', name: 'Đài Phát thanh và Truyền hình tỉnh', nameEn: 'Provincial Radio and Television', kind: 'press-agency' },
  { code: 'UBND-TP-LC', name: 'Ủy ban nhân dân thành phố Lào Cai', nameEn: 'Lao Cai City People’s Committee', kind: 'district-committee' },
  { code: 'UBND-TX-SP', name: 'Ủy ban nhân dân thị xã Sa Pa', nameEn: 'Sa Pa Town People’s Committee', kind: 'district-committee' },
  { code: 'UBND-BX', name: 'Ủy ban nhân dân huyện Bát Xát', nameEn: 'Bat Xat District People’s Committee', kind: 'district-committee' },
  { code: 'UBND-BT', name: 'Ủy ban nhân dân huyện Bảo Thắng', nameEn: 'Bao Thang District People’s Committee', kind: 'district-committee' },
  { code: 'UBND-BY', name: 'Ủy ban nhân dân huyện Bảo Yên', nameEn: 'Bao Yen District People’s Committee', kind: 'district-committee' },
  { code: 'UBND-BH', name: 'Ủy ban nhân dân huyện Bắc Hà', nameEn: 'Bac Ha District People’s Committee', kind: 'district-committee' },
  { code: 'UBND-MK', name: 'Ủy ban nhân dân huyện Mường Khương', nameEn: 'Muong Khuong District People’s Committee', kind: 'district-committee' },
  { code: 'UBND-SMC', name: 'Ủy ban nhân dân huyện Si Ma Cai', nameEn: 'Si Ma Cai District People’s Committee', kind: 'district-committee' },
  { code: 'UBND-VB', name: 'Ủy ban nhân dân huyện Văn Bàn', nameEn: 'Van Ban District People’s Committee', kind: 'district-committee' },
  { code: 'UBND-XA-TV', name: 'Ủy ban nhân dân xã Tả Van', nameEn: 'Ta Van Commune People’s Committee', kind: 'commune-committee', parent: 'UBND-TX-SP' },
  { code: 'UBND-XA-YT', name: 'Ủy ban nhân dân xã Y Tý', nameEn: 'Y Ty Commune People’s Committee', kind: 'commune-committee', parent: 'UBND-BX' },
  { code: 'UBND-XA-LS', name: 'Ủy ban nhân dân xã Lùng Sui', nameEn: 'Lung Sui Commune People’s Committee', kind: 'commune-committee', parent: 'UBND-SMC' },
];

/** Agencies deliberately left without a focal point, so the coverage KPI is visibly below 100 %. */
export const AGENCIES_WITHOUT_FOCAL_POINT = ['BHXH', 'THANH-TRA', 'UBND-XA-LS', 'UBND-SMC'];
