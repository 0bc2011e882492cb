from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm, SetPasswordForm
from django.utils.translation import gettext_lazy as _

from weerbaar.accounts.choices import Role
from weerbaar.accounts.models import Membership
from weerbaar.components.forms import Form, NLDesignFormMixin


class LoginForm(NLDesignFormMixin, AuthenticationForm):
    username = forms.EmailField(
        label=_("E-mail address"),
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
    )
    error_messages = {
        "invalid_login": _(
            "This e-mail address and password do not match. Check both and try again."
        ),
        "inactive": _("This account has been switched off."),
    }

    def clean_username(self) -> str:
        # Addresses are stored in lower case (axes counts them so too: accounts/throttling.py).
        return str(self.cleaned_data["username"]).lower()


class ResetPasswordForm(NLDesignFormMixin, PasswordResetForm):
    email = forms.EmailField(
        label=_("E-mail address"),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        help_text=_(
            "If an account exists for this address, we mail a link to choose a new password."
        ),
    )


class ChooseNewPasswordForm(NLDesignFormMixin, SetPasswordForm):  # type: ignore[type-arg]
    def save(self, commit: bool = True) -> Any:
        from weerbaar.audit.actions import do_record_audit_entry
        from weerbaar.audit.choices import AuditAction

        user = super().save(commit)
        do_record_audit_entry(AuditAction.PASSWORD_CHANGED, actor=user, target=user)
        return user


class TokenForm(Form):
    token = forms.CharField(
        label=_("Six-digit code"),
        help_text=_("The code your authenticator app shows now for Weerbaar."),
        min_length=6,
        max_length=6,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "pattern": "[0-9]{6}",
            }
        ),
    )

    def clean_token(self) -> str:
        token: str = self.cleaned_data["token"].replace(" ", "")
        if not token.isdigit():
            raise forms.ValidationError(_("Enter the six digits, without letters."))
        return token


class NewAccountForm(Form):
    """The account an invitation creates: name and password (the e-mail comes from the invite)."""

    full_name = forms.CharField(
        label=_("Your name"), max_length=150, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    password1 = forms.CharField(
        label=_("Choose a password"),
        strip=False,
        help_text=_("At least 12 characters; not a common password."),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    password2 = forms.CharField(
        label=_("Repeat the password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args: Any, email: str, **kwargs: Any) -> None:
        self.email = email
        super().__init__(*args, **kwargs)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        first, second = cleaned.get("password1"), cleaned.get("password2")
        if first and second and first != second:
            self.add_error("password2", _("The two passwords are not the same."))
        elif first:
            from weerbaar.accounts.models import User

            probe = User(email=self.email, full_name=cleaned.get("full_name", ""))
            try:
                password_validation.validate_password(first, probe)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class InviteForm(Form):
    email = forms.EmailField(label=_("E-mail address"))
    role = forms.ChoiceField(
        label=_("Role"),
        choices=Role.choices,
        initial=Role.MEMBER,
        help_text=_("Coordinators and analysts must set up two-step verification."),
    )


class RoleForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = Membership
        fields = ["role"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["role"].widget.attrs["class"] = "utrecht-select utrecht-select--html-select"
