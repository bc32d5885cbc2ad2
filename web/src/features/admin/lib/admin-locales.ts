import i18n from 'i18next';
import en from '@/features/admin/locales/en.json';
import zhCN from '@/features/admin/locales/zh-CN.json';

// The admin pages' words travel with the admin chunk: nobody else downloads them. Added when
// the chunk loads, before any admin page renders.
i18n.addResourceBundle('zh-CN', 'translation', zhCN, true, false);
i18n.addResourceBundle('en', 'translation', en, true, false);
