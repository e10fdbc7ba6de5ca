export type SeedAudience = { slug: string; name: string; nameEn: string };

export const AUDIENCES: SeedAudience[] = [
  { slug: 'nguoi-dan', name: 'Người dân', nameEn: 'Citizens' },
  { slug: 'doanh-nghiep', name: 'Doanh nghiệp', nameEn: 'Businesses' },
  { slug: 'nong-dan', name: 'Nông dân', nameEn: 'Farmers' },
  { slug: 'dong-bao-dan-toc-thieu-so', name: 'Đồng bào dân tộc thiểu số', nameEn: 'Ethnic minorities' },
  { slug: 'thanh-nien', name: 'Thanh niên', nameEn: 'Youth' },
  { slug: 'nha-dau-tu', name: 'Nhà đầu tư', nameEn: 'Investors' },
  { slug: 'du-khach', name: 'Du khách', nameEn: 'Tourists' },
  { slug: 'hoc-sinh-sinh-vien', name: 'Học sinh, sinh viên', nameEn: 'Pupils and students' },
  { slug: 'nguoi-lao-dong', name: 'Người lao động', nameEn: 'Workers' },
];
