"""Adoptions (nhân rộng): where a model was taken up, as child records of the exemplar page, with the
log of when each was first published; a citizen's nomination can report having taken up a model
(`Nomination.adopted_page`)."""

import django.db.models.deletion
import django.utils.timezone
import modelcluster.fields
import wagtail.fields
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('exemplars', '0009_proposal'),
    ]

    operations = [
        migrations.AddField(
            model_name='nomination',
            name='adopted_page',
            field=models.ForeignKey(blank=True, help_text='Khi người dân báo “Tôi đã làm theo mô hình này” (từ trang mô hình).', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='adoption_reports', to='exemplars.exemplarpage', verbose_name='mô hình người dân báo đã làm theo'),
        ),
        migrations.CreateModel(
            name='Adoption',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('sort_order', models.IntegerField(blank=True, editable=False, null=True)),
                ('adopter_kind', models.CharField(choices=[('collective', 'Tập thể'), ('household', 'Hộ gia đình'), ('unit', 'Cơ quan, đơn vị'), ('community', 'Cộng đồng dân cư')], default='collective', help_text='Tập thể, hộ gia đình, cơ quan đơn vị hay cộng đồng dân cư.', max_length=20, verbose_name='ai làm theo (loại)')),
                ('adopter_name', models.CharField(blank=True, help_text='Tên tập thể, hộ, đơn vị, ví dụ “Chi hội Phụ nữ thôn Đông”. Có thể bỏ trống nếu chọn hồ sơ điển hình bên dưới.', max_length=200, verbose_name='ai làm theo')),
                ('since', models.DateField(help_text='Ngày bắt đầu làm theo (ghi ngày 1 nếu chỉ biết tháng).', verbose_name='áp dụng từ')),
                ('status', models.CharField(choices=[('active', 'Đang áp dụng'), ('paused', 'Tạm dừng'), ('stopped', 'Đã dừng')], default='active', max_length=20, verbose_name='tình trạng')),
                ('until', models.DateField(blank=True, help_text='Chỉ khi tạm dừng hoặc đã dừng: ngày dừng (nếu biết).', null=True, verbose_name='dừng từ')),
                ('results_text', models.TextField(blank=True, help_text='Kết quả đạt được, viết ngắn gọn, có số liệu nếu có.', max_length=2000, verbose_name='kết quả')),
                ('results_figures', wagtail.fields.StreamField([('figure', 3)], blank=True, block_lookup={0: ('wagtail.blocks.DecimalBlock', (), {'help_text': 'Chỉ con số, ví dụ 12 hoặc 3,5.', 'label': 'Con số'}), 1: ('wagtail.blocks.CharBlock', (), {'help_text': 'Ví dụ “tấn”, “hộ”, “suất”.', 'label': 'Đơn vị', 'max_length': 40, 'required': False}), 2: ('wagtail.blocks.CharBlock', (), {'help_text': 'Con số nói về điều gì, ví dụ “rác thu gom năm 2024”.', 'label': 'Ý nghĩa', 'max_length': 120}), 3: ('wagtail.blocks.StructBlock', [[('value', 0), ('unit', 1), ('label', 2)]], {})}, help_text='Vài con số kết quả: con số, đơn vị, ý nghĩa.', verbose_name='con số kết quả')),
                ('evidence', wagtail.fields.StreamField([('image', 5), ('document', 9)], blank=True, block_lookup={0: ('wagtail.images.blocks.ImageChooserBlock', (), {'label': 'Ảnh'}), 1: ('wagtail.blocks.CharBlock', (), {'help_text': 'Mô tả ngắn nội dung ảnh.', 'label': 'Mô tả ảnh (alt)', 'max_length': 250}), 2: ('wagtail.blocks.BooleanBlock', (), {'help_text': 'Đánh dấu nếu nhìn thấy rõ mặt người trong ảnh.', 'label': 'Ảnh có người nhận ra được', 'required': False}), 3: ('wagtail.blocks.BooleanBlock', (), {'help_text': 'Chỉ ảnh được đánh dấu mới hiện trên trang công khai và API. Ảnh có người cần ghi rõ sự đồng ý.', 'label': 'Được phép công khai', 'required': False}), 4: ('wagtail.blocks.CharBlock', (), {'help_text': 'Ai đồng ý cho công khai ảnh, ngày nào (bắt buộc khi ảnh có người và được công khai).', 'label': 'Ghi chú đồng ý', 'max_length': 250, 'required': False}), 5: ('wagtail.blocks.StructBlock', [[('image', 0), ('alt_text', 1), ('shows_people', 2), ('shareable', 3), ('consent_note', 4)]], {}), 6: ('wagtail.documents.blocks.DocumentChooserBlock', (), {'label': 'Tài liệu'}), 7: ('wagtail.blocks.CharBlock', (), {'help_text': 'Ví dụ “Biên bản khảo sát ngày 12/3/2025”.', 'label': 'Tên tài liệu', 'max_length': 200}), 8: ('wagtail.blocks.BooleanBlock', (), {'help_text': 'Bỏ trống để giữ tài liệu nội bộ. Tài liệu trong bộ sưu tập riêng tư vẫn không ai ngoài cán bộ mở được.', 'label': 'Được phép công khai', 'required': False}), 9: ('wagtail.blocks.StructBlock', [[('document', 6), ('title', 7), ('shareable', 8)]], {})}, help_text='Ảnh, tài liệu minh chứng. Chỉ mục được đánh dấu “được phép công khai” mới hiện công khai.', verbose_name='minh chứng')),
                ('source_kind', models.CharField(choices=[('report', 'Báo cáo'), ('field_visit', 'Khảo sát thực tế'), ('citizen', 'Người dân báo'), ('illustrative', 'Minh họa (dữ liệu mẫu)')], help_text='Báo cáo, khảo sát thực tế hay người dân báo (“minh họa” chỉ dành cho dữ liệu mẫu).', max_length=20, verbose_name='nguồn')),
                ('source_citation', models.CharField(help_text='Báo cáo: tên, mục và câu trích; khảo sát: ngày và người khảo sát; người dân báo: mã giới thiệu.', max_length=400, verbose_name='trích dẫn nguồn')),
                ('is_illustrative', models.BooleanField(default=False, help_text='Đánh dấu bản ghi minh họa, không phải sự việc có thật.', verbose_name='minh họa (dữ liệu mẫu)')),
                ('published_at', models.DateTimeField(blank=True, editable=False, null=True, verbose_name='công bố lần đầu')),
                ('adopter_page', models.ForeignKey(blank=True, help_text='Nếu người/tập thể làm theo đã có hồ sơ trên trang (chỉ hiện liên kết khi hồ sơ đó công khai).', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='adoptions_made', to='exemplars.exemplarpage', verbose_name='hồ sơ điển hình của người làm theo')),
                ('nomination', models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='adoptions', to='exemplars.nomination', verbose_name='từ báo cáo của người dân')),
                ('page', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='adoptions', to='exemplars.exemplarpage')),
                ('place', models.ForeignKey(help_text='Thôn, tổ dân phố hoặc xã/đặc khu nơi làm theo — chọn đơn vị còn hiệu lực vào ngày bắt đầu.', on_delete=django.db.models.deletion.PROTECT, related_name='adoptions', to='exemplars.place', verbose_name='nơi áp dụng')),
            ],
            options={
                'verbose_name': 'nơi nhân rộng',
                'verbose_name_plural': 'nơi nhân rộng',
                'ordering': ['sort_order'],
                'abstract': False,
                'constraints': [models.CheckConstraint(condition=models.Q(('until__isnull', True), ('until__gte', models.F('since')), _connector='OR'), name='adoption_until_after_since', violation_error_message='Ngày dừng phải sau ngày bắt đầu.')],
            },
        ),
        migrations.CreateModel(
            name='AdoptionPublication',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('since', models.DateField()),
                ('adopter', models.CharField(max_length=200)),
                ('first_published_at', models.DateTimeField(default=django.utils.timezone.now)),
                ('page', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='exemplars.exemplarpage')),
                ('place', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='exemplars.place')),
            ],
            options={
                'verbose_name': 'lần công bố nơi nhân rộng',
                'verbose_name_plural': 'lần công bố nơi nhân rộng',
                'constraints': [models.UniqueConstraint(fields=('page', 'place', 'since', 'adopter'), name='adoption_publication_once')],
            },
        ),
    ]
