from __future__ import annotations

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from weerbaar.coalitions.choices import Theme
from weerbaar.coalitions.models import ChoiceListValidator, Coalition
from weerbaar.knowledge.choices import KnowledgeKind, TargetGroup, Visibility
from weerbaar.knowledge.querysets import KnowledgeItemQuerySet
from weerbaar.lib.markdown import render_markdown


class KnowledgeItem(models.Model):
    """A piece of knowledge a coalition shares: an article, a lesson learned, a toolkit, …"""

    coalition = models.ForeignKey(
        Coalition, on_delete=models.CASCADE, related_name="knowledge_items"
    )
    kind = models.CharField(_("kind"), max_length=30, choices=KnowledgeKind.choices)
    themes = models.JSONField(
        _("themes"), default=list, blank=True, validators=[ChoiceListValidator(Theme.values)]
    )
    target_groups = models.JSONField(
        _("target groups"),
        default=list,
        blank=True,
        validators=[ChoiceListValidator(TargetGroup.values)],
    )
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), max_length=1000)
    body = models.TextField(_("text"), blank=True)
    links = models.TextField(_("external links"), blank=True)
    author_organisation = models.ForeignKey(
        "partners.Partner",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="knowledge_items",
        verbose_name=_("author organisation"),
    )
    published_on = models.DateField(_("publication date"), default=timezone.localdate)
    tags = models.CharField(_("tags"), max_length=500, blank=True)
    visibility = models.CharField(
        _("visibility"), max_length=20, choices=Visibility.choices, default=Visibility.COALITION
    )
    created_by = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Filled by actions on PostgreSQL only; its GIN index is made by migration 0002, because
    # SQLite cannot have one (it searches the FTS5 table ``knowledge_search`` instead).
    search_vector = SearchVectorField(null=True, editable=False)

    objects = KnowledgeItemQuerySet.as_manager()

    class Meta:
        ordering = ["-published_on", "-pk"]
        indexes = [
            # The list page: one coalition's items (plus shared ones), newest first.
            models.Index(fields=["coalition", "-published_on"], name="knowledge_coalition_date"),
            # Shared items of every coalition, for visible_in().
            models.Index(fields=["visibility"], name="knowledge_visibility"),
        ]
        verbose_name = _("knowledge item")
        verbose_name_plural = _("knowledge items")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("knowledge:item", args=[self.coalition.slug, self.pk])

    def get_body_html(self) -> SafeString:
        return render_markdown(self.body)

    def get_links(self) -> list[str]:
        return [line.strip() for line in self.links.splitlines() if line.strip()]

    def get_tags(self) -> list[str]:
        return [tag for tag in self.tags.split(",") if tag]

    def get_theme_labels(self) -> list[str]:
        return [str(Theme(v).label) for v in self.themes if v in Theme.values]

    def get_target_group_labels(self) -> list[str]:
        return [str(TargetGroup(v).label) for v in self.target_groups if v in TargetGroup.values]

    def is_public(self) -> bool:
        return self.visibility == Visibility.PUBLIC

    def get_search_text(self) -> str:
        """Everything search looks in, in one string."""
        return "\n".join([self.title, self.summary, self.body, self.tags.replace(",", " ")])


class StoredFile(models.Model):
    """A file checked by content (``files.clean_attachment``) and stored under a generated name
    (``files.store_checked_file``); subclasses add what it belongs to."""

    coalition = models.ForeignKey(Coalition, on_delete=models.CASCADE, related_name="+")
    file = models.FileField(_("file"), max_length=200)
    # The name the uploader gave, shown and used on download; never used to store the file.
    original_name = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    created_by = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.original_name


class Attachment(StoredFile):
    """A file belonging to a knowledge item."""

    item = models.ForeignKey(KnowledgeItem, on_delete=models.CASCADE, related_name="attachments")

    class Meta(StoredFile.Meta):
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")


class Comment(models.Model):
    """A reaction under a knowledge item; replies hang under a top-level reaction (one level).

    ``coalition`` is where it was written (the author's coalition), which can differ from the
    item's when the item is shared with every coalition.
    """

    coalition = models.ForeignKey(Coalition, on_delete=models.CASCADE, related_name="+")
    item = models.ForeignKey(KnowledgeItem, on_delete=models.CASCADE, related_name="comments")
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="replies"
    )
    author = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    body = models.TextField(_("reaction"), max_length=5000)
    created_at = models.DateTimeField(auto_now_add=True)
    edited_at = models.DateTimeField(null=True, blank=True)
    # Removed reactions keep their place (replies stay readable) but lose their text.
    removed_at = models.DateTimeField(null=True, blank=True)
    removed_by_moderator = models.BooleanField(default=False)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("reaction")
        verbose_name_plural = _("reactions")

    def __str__(self) -> str:
        reaction = _("Reaction")
        return f"{reaction} {self.pk}"

    def get_body_html(self) -> SafeString:
        return render_markdown(self.body)

    def is_removed(self) -> bool:
        return self.removed_at is not None
