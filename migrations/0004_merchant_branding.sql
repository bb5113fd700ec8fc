-- What the hosted checkout shows of a merchant (PATCH /v1/admin/merchants/{id}).
ALTER TABLE merchants ADD COLUMN display_name TEXT;            -- shown instead of name when set
ALTER TABLE merchants ADD COLUMN logo_url TEXT;                -- the https URL the logo was fetched from, once
ALTER TABLE merchants ADD COLUMN logo_data_url TEXT;           -- data:image/png|jpeg|webp;base64,… (the page loads nothing else)
ALTER TABLE merchants ADD COLUMN accent_color TEXT;            -- #rrggbb
ALTER TABLE merchants ADD COLUMN frame_ancestors TEXT NOT NULL DEFAULT '[]'; -- JSON array of https origins allowed to embed /pay
